// Event titles and places on the wall, in English and Thai.
import { describe, expect, it } from 'vitest';
import type { Camera, Event } from '@toc/server/schemas';
import { eventPlace, payloadText, sightingIdOf } from './event-text';

const event = (payload: Record<string, unknown>) => ({ id: 9, cameraId: null, payload }) as unknown as Event;
const camera = { id: 1, name: 'Route 304', nameTh: 'ทางหลวง 304' } as Camera;

describe('event text', () => {
  it('reads a bilingual payload text, ignoring missing or empty ones', () => {
    expect(payloadText({ en: 'Wild elephants', th: 'ช้างป่า' }, 'th')).toBe('ช้างป่า');
    expect(payloadText({ en: 'Wild elephants', th: ' ' }, 'th')).toBeNull();
    expect(payloadText(undefined, 'en')).toBeNull();
    expect(payloadText('plain', 'en')).toBeNull();
  });

  it('names the camera, else the trap, else the trap of the sighting behind a warning', () => {
    const sighting = event({ trapName: 'Forest edge', trapNameTh: 'ชายป่า' });
    expect(eventPlace(event({}), camera, 'th')).toBe('ทางหลวง 304');
    expect(eventPlace(sighting, undefined, 'en')).toBe('Forest edge');
    expect(eventPlace(event({ sightingEventId: 4 }), undefined, 'th', sighting)).toBe('ชายป่า');
    expect(eventPlace(event({}), undefined, 'en')).toBeNull();
  });

  it('finds the sighting behind a warning', () => {
    expect(sightingIdOf(event({ sightingEventId: 4 }))).toBe(4);
    expect(sightingIdOf(event({ sightingEventId: '4' }))).toBeNull();
  });
});
