// Only well-formed paths of the event become lines.
import { describe, expect, it } from 'vitest';
import type { Event } from '@toc/server/schemas';
import { eventTracksToGeoJson } from './event-tracks.layer';

const event = (payload: Record<string, unknown>) => ({ id: 7, payload }) as Event;

describe('eventTracksToGeoJson', () => {
  it('draws each track path of the event and skips malformed ones', () => {
    const paths = [
      { trackId: 1, label: 'car', path: [[101.0, 13.5], [101.001, 13.5]] },
      { trackId: 2, label: 'car', path: [[101.0, 13.5]] },
      { trackId: 3, label: 'car', path: [[101.0, 'x'], [1, 2]] },
    ];
    const lines = eventTracksToGeoJson(event({ paths }));
    expect(lines.features).toHaveLength(1);
    expect(lines.features[0]).toMatchObject({ geometry: { coordinates: paths[0]!.path }, properties: { eventId: 7, trackId: 1 } });
  });

  it('is empty without an event or without paths', () => {
    expect(eventTracksToGeoJson(null).features).toEqual([]);
    expect(eventTracksToGeoJson(event({})).features).toEqual([]);
  });
});
