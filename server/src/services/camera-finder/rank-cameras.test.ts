// Small: ranking cameras by what they could see of a place — calibrated view, field of view, or only nearness.
import { describe, expect, it } from 'vitest';
import { calibrate, imageToGround, type GroundCalibration } from '../../geometry/calibration';
import { fromLocalMetres } from '../../geometry/local-metres';
import { streetCalibrationPairs } from '../../db/demo-scenes';
import type { LonLat } from '../../schemas/common.schema';
import { angleBetween, rankCameras, type CandidateCamera } from './rank-cameras';

const PLACE: LonLat = { lon: 101.07, lat: 13.69 };
/** A point `ahead` metres from the place along `bearing` (degrees from north). */
const at = (bearing: number, metres: number): LonLat => {
  const b = (bearing * Math.PI) / 180;
  return fromLocalMetres(PLACE, [metres * Math.sin(b), metres * Math.cos(b)]);
};
/** A camera `metres` from the place, standing on `bearing` from it, turned `turn` degrees away from facing it. */
const camera = (id: number, bearing: number, metres: number, turn = 0, fovDeg = 60): CandidateCamera => ({
  id,
  location: at(bearing, metres),
  headingDeg: (bearing + 180 + turn + 360) % 360,
  fovDeg,
});

function calibrated(id: number, location: LonLat, headingDeg: number): CandidateCamera {
  const fit = calibrate(streetCalibrationPairs(location, headingDeg));
  if (!fit.ok) throw new Error(fit.reason);
  return {
    id,
    location,
    headingDeg,
    fovDeg: 60,
    calibration: { homography: fit.homography, origin: fit.origin },
  };
}

describe('rankCameras', () => {
  it('puts a camera that faces the place far off above one close by that faces away, and nearer views first', () => {
    const ranked = rankCameras(PLACE, [camera(1, 0, 20, 170), camera(2, 90, 120), camera(3, 200, 50)], {
      uncertaintyM: 0,
    });
    expect(ranked.map((r) => r.cameraId)).toEqual([3, 2, 1]);
    expect(ranked.map((r) => r.basis)).toEqual(['field-of-view', 'field-of-view', 'nearby']);
    expect(ranked[2]!.bearingOffDeg).toBeCloseTo(170, 0);
    expect(ranked[0]!.distanceM).toBeCloseTo(50, 0);
  });

  it('leaves out cameras facing away beyond the nearby distance and those beyond their useful range', () => {
    const cameras = [camera(1, 0, 60, 180), camera(2, 90, 200), { ...camera(3, 180, 200), maxRangeM: 300 }];
    expect(rankCameras(PLACE, cameras, { uncertaintyM: 0 }).map((r) => r.cameraId)).toEqual([3]);
  });

  it('ranks a calibrated camera that sees the place first, with the place in its image', () => {
    const cal = calibrated(9, at(250, 40), 70);
    // The ground point the calibrated camera shows at image (0.4, 0.7) is where the incident is.
    const seenPlace = imageToGround(cal.calibration as GroundCalibration, [0.4, 0.7])!;
    const others = [camera(1, 10, 30), camera(2, 120, 60)];
    const ranked = rankCameras(seenPlace, [...others, cal], { uncertaintyM: 5 });
    expect(ranked[0]!.cameraId).toBe(9);
    expect(ranked[0]!.basis).toBe('calibration');
    expect(ranked[0]!.imagePoint![0]).toBeCloseTo(0.4, 3);
    expect(ranked[0]!.imagePoint![1]).toBeCloseTo(0.7, 3);
  });

  it('trusts the calibration over the heading: a place outside the calibrated frame is not seen by it', () => {
    // Within a 120° field of view by heading, but 40 m left of the calibrated frame and 57 m away.
    const wide = { ...calibrated(4, at(180, 40), 0), fovDeg: 120 };
    const beside = fromLocalMetres(PLACE, [-40, 0]);
    expect(rankCameras(beside, [{ ...wide, calibration: null }], { uncertaintyM: 0 })[0]?.basis).toBe(
      'field-of-view',
    );
    expect(rankCameras(beside, [wide], { uncertaintyM: 0 })).toEqual([]);
    const near = calibrated(5, at(180, 20), 0);
    const [result] = rankCameras(fromLocalMetres(PLACE, [-20, 0]), [near], { uncertaintyM: 0 });
    expect(result?.basis).toBe('nearby');
    expect(result?.reasonTh).toMatch(/[\u0E00-\u0E7F]/);
  });

  it('widens the view by the place uncertainty', () => {
    // 30° + 5° slack + 10° beyond the edge of a 60° view, 40 m off: missed when exact, partly seen when ±25 m.
    const cam = camera(1, 0, 40, 45);
    expect(rankCameras(PLACE, [cam], { uncertaintyM: 0 })).toEqual([]);
    const [wide] = rankCameras(PLACE, [cam], { uncertaintyM: 25 });
    expect(wide?.basis).toBe('field-of-view');
    expect(wide!.viewShare).toBeGreaterThan(0);
    expect(wide!.viewShare).toBeLessThan(1);
    expect(wide!.reason).toMatch(/^Sees \d+ % of the area around the place/);
  });

  it('orders deterministically: same input in any order, ties by distance then id', () => {
    const cameras = [camera(7, 90, 50), camera(3, 270, 50), camera(5, 0, 80), camera(2, 45, 20, 150)];
    const a = rankCameras(PLACE, cameras, { uncertaintyM: 0 });
    const b = rankCameras(PLACE, [...cameras].reverse(), { uncertaintyM: 0 });
    expect(b).toEqual(a);
    const tied = a.filter((r) => r.cameraId === 7 || r.cameraId === 3);
    expect(tied.map((r) => r.cameraId)).toEqual([3, 7]);
  });

  it('measures angles the short way round', () => {
    expect(angleBetween(350, 10)).toBe(20);
    expect(angleBetween(10, 190)).toBe(180);
  });
});
