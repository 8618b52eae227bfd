import { describe, expect, it } from 'vitest';
import { crashScene } from './crash-scene';

describe('crashScene', () => {
  it('reads the counts the crash rule put in the payload', () => {
    expect(crashScene({ payload: { kind: 'collision', stoppedVehicles: 2, peopleOnRoad: 3 } })).toEqual({
      stoppedVehicles: 2,
      peopleOnRoad: 3,
    });
    expect(crashScene({ payload: { kind: 'collision', peopleOnRoad: 1 } })).toEqual({
      stoppedVehicles: 0,
      peopleOnRoad: 1,
    });
  });

  it('is null for events without a scene, and ignores values that are not counts', () => {
    expect(crashScene({ payload: { kind: 'stopped_vehicle', stoppedForS: 30 } })).toBeNull();
    expect(crashScene({ payload: { kind: 'collision', stoppedVehicles: '2', peopleOnRoad: -1 } })).toBeNull();
  });
});
