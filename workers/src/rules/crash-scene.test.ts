import { describe, expect, it } from 'vitest';
import type { RuleSignal } from '../pipeline/types';
import { foldIntoCrash } from './crash-scene';

const signal = (kind: string, type: RuleSignal['type'], onset: number, trackIds: number[]): RuleSignal => ({
  key: `${kind}:${trackIds.join('-')}`,
  type,
  kind,
  severity: 'high',
  confidence: 0.8,
  onset,
  trackIds,
  imagePoint: [0, 0],
  ground: null,
  detail: {},
});
const NOTHING = { stoppedSince: [], onRoadSince: [] };

describe('foldIntoCrash', () => {
  it('folds the scene signals and later accidents into the earliest crash, counting them', () => {
    const crash = signal('collision', 'traffic.accident', 1000, [1, 2]);
    const stopped = signal('stopped_vehicle', 'traffic.incident', 1500, [3]);
    const person = signal('person_on_road', 'traffic.incident', 2000, [4]);
    const later = signal('collision', 'traffic.accident', 5000, [5, 6]);
    // The striking car touching the thrown rider's new track: the same crash, not a second one.
    const afterContact = signal('collision', 'traffic.accident', 1800, [1, 8]);
    const wrongWay = signal('wrong_way', 'traffic.incident', 900, [7]);
    const out = foldIntoCrash([later, stopped, crash, afterContact, person, wrongWay], NOTHING);
    expect(out.sceneLasts).toBe(true);
    expect(out.signals.map((s) => s.key)).toEqual(['collision:1-2', 'wrong_way:7']);
    expect(out.signals[0]!.detail).toMatchObject({ stoppedVehicles: 1, peopleOnRoad: 1 });
    expect(crash.detail).toEqual({}); // the caller's signal is not changed
  });

  it('counts vehicles that stopped and people who stepped onto the road since the crash, not before', () => {
    const crash = signal('sudden_stop', 'traffic.accident', 1000, [1]);
    const out = foldIntoCrash([crash], { stoppedSince: [500, 1200, 3000], onRoadSince: [800, 4000] });
    expect(out.sceneLasts).toBe(true);
    expect(out.signals[0]!.detail).toMatchObject({ stoppedVehicles: 2, peopleOnRoad: 1 });
  });

  it('leaves the signals alone when there is no crash, or nothing around it', () => {
    const person = signal('person_on_road', 'traffic.incident', 2000, [4]);
    expect(foldIntoCrash([person], { stoppedSince: [3000], onRoadSince: [] })).toEqual({
      signals: [person],
      sceneLasts: false,
    });
    const crash = signal('collision', 'traffic.accident', 1000, [1, 2]);
    expect(foldIntoCrash([crash], { stoppedSince: [500], onRoadSince: [] })).toEqual({
      signals: [crash],
      sceneLasts: false,
    });
  });
});
