// "Show on map" frames the 10 km circle and the warned places, not a 200 m close-up of the herd.
import { describe, expect, it } from 'vitest';
import { eventFixture } from '../testing/event-fixture';
import { warningFrame } from './warning-frame';

const herd = { lon: 101.6, lat: 13.5 };

describe('warningFrame', () => {
  it('spans the warning circle, about 20 km across', () => {
    const [west, south, east, north] = warningFrame(eventFixture(1, { type: 'elephant.warning', location: herd, payload: { radiusM: 10_000 } }))!;
    expect((north - south) * 111.32).toBeCloseTo(20, 0);
    expect((east - west) * 111.32 * Math.cos((herd.lat * Math.PI) / 180)).toBeCloseTo(20, 0);
  });

  it('reaches a warned place outside the circle', () => {
    const place = { id: 1, name: 'Ban Far', nameTh: 'บ้านไกล', distanceM: 14_000, bearingDeg: 90, location: { lon: 101.73, lat: 13.5 } };
    const [, , east] = warningFrame(eventFixture(2, { type: 'elephant.warning', location: herd, payload: { radiusM: 10_000, places: [place] } }))!;
    expect(east).toBeCloseTo(101.73, 5);
  });

  it('frames nothing for a warning without a position', () => {
    expect(warningFrame(eventFixture(3, { type: 'elephant.warning', payload: {} }))).toBeNull();
  });
});
