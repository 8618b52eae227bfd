// An incident's event: placed by calibration when it can be, carrying the involved tracks' ground paths.
import { describe, expect, it } from 'vitest';
import type { RuleSignal } from '../pipeline/types';
import { eventFromSignal } from './incident-writer';

const signal: RuleSignal = {
  key: 'stopped:4',
  type: 'traffic.incident',
  kind: 'stopped_vehicle',
  severity: 'high',
  confidence: 1.3,
  onset: Date.parse('2026-11-22T02:00:00Z'),
  trackIds: [4],
  imagePoint: [320.4, 300.6],
  ground: { lon: 101.07, lat: 13.69 },
  detail: { stoppedS: 40 },
};
const camera = { cameraId: 3, location: { lon: 101.0, lat: 13.6 }, modelId: 'yolox_nano_416' };

describe('eventFromSignal', () => {
  it('places the event on the ground, clamps the confidence and carries the paths', () => {
    const paths = [{ trackId: 4, label: 'car', path: [[101.0699, 13.69], [101.07, 13.69]] as [number, number][] }];
    const event = eventFromSignal(signal, camera, paths);
    expect(event).toMatchObject({ location: { lon: 101.07, lat: 13.69 }, confidence: 1, cameraId: 3, startedAt: '2026-11-22T02:00:00.000Z' });
    expect(event.payload).toMatchObject({ kind: 'stopped_vehicle', positionFrom: 'calibration', imagePoint: [320, 301], paths, stoppedS: 40 });
  });

  it('falls back to the camera position and leaves paths out when there are none', () => {
    const event = eventFromSignal({ ...signal, ground: null }, camera);
    expect(event.location).toEqual(camera.location);
    expect(event.payload.positionFrom).toBe('camera');
    expect(event.payload).not.toHaveProperty('paths');
  });
});
