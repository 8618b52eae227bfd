// Small tests for what the layers put in their sources: object icons, bus colours, event ranking, camera cones.
import { describe, expect, it } from 'vitest';
import type { Camera, Event } from '@toc/server/schemas';
import { busesToGeoJson } from './buses.layer';
import { fovConesToGeoJson } from './cameras.layer';
import { eventsToGeoJson } from './events.layer';
import { objectToFeature } from './tracked-objects.layer';

describe('tracked object features', () => {
  it('use an arrow in the class colour when the heading is known, a dot otherwise, and “other” for unknown classes', () => {
    const moving = objectToFeature({ id: '3:1', label: 'truck', lon: 101, lat: 13.7, speedKmh: 40, headingDeg: 95 });
    expect(moving.properties).toEqual({ id: '3:1', label: 'truck', icon: 'object-arrow-truck', heading: 95 });
    const standing = objectToFeature({ id: '3:2', label: 'kangaroo', lon: 101, lat: 13.7, speedKmh: null, headingDeg: null });
    expect(standing.properties.icon).toBe('object-dot-other');
    expect(standing.properties.heading).toBe(0);
  });
});

describe('bus features', () => {
  it('keep valid route colours, replace anything else, and mark buses without heading as standing', () => {
    const { features } = busesToGeoJson([
      { id: 'b1', route: '9', lon: 101.07, lat: 13.69, headingDeg: 45, color: '#22C55E' },
      { id: 'b2', route: '9', lon: 101.08, lat: 13.7, headingDeg: null, color: 'red; background:url(x)' },
    ]);
    expect(features[0]!.properties).toMatchObject({ color: '#22C55E', heading: 45, moving: true });
    expect(features[1]!.properties).toMatchObject({ color: '#a78bfa', moving: false });
  });
});

describe('event features', () => {
  const event = (id: number, status: Event['status'], severity: Event['severity'], location: Event['location'] = { lon: 101, lat: 13.7 }) =>
    ({ id, seq: id, type: 'traffic.accident', status, severity, location }) as Event;

  it('rank unacknowledged events above the rest, then by severity, and skip events without a place', () => {
    const { features } = eventsToGeoJson([event(3, 'acknowledged', 'critical'), event(2, 'open', 'low'), event(1, 'open', 'high', null)]);
    expect(features.map((f) => f.properties.id)).toEqual([2, 3]);
    const rank = Object.fromEntries(features.map((f) => [f.properties.id, f.properties.rank]));
    expect(rank[2]).toBeGreaterThan(rank[3]!);
  });

  it('stay the same when only a repeat is folded into an event (new seq), so the map is not repainted for it', () => {
    const before = event(5, 'open', 'high');
    expect(eventsToGeoJson([{ ...before, seq: 99 }])).toEqual(eventsToGeoJson([before]));
    expect(eventsToGeoJson([{ ...before, status: 'acknowledged' }])).not.toEqual(eventsToGeoJson([before]));
  });
});

describe('camera cones', () => {
  it('give each camera a closed wedge starting at the camera', () => {
    const camera = { id: 4, name: 'A', nameTh: 'ก', status: 'online', location: { lon: 101.06, lat: 13.7 }, headingDeg: 80, fovDeg: 60 } as Camera;
    const [cone] = fovConesToGeoJson([camera]).features;
    const ring = cone!.geometry.coordinates[0]!;
    expect(ring[0]).toEqual([101.06, 13.7]);
    expect(ring.at(-1)).toEqual([101.06, 13.7]);
    expect(cone!.properties).toMatchObject({ id: 4, status: 'online' });
  });
});
