import { describe, expect, it } from 'vitest';
import type { RuleSignal } from '../pipeline/types';
import { foldIntoCrash, foldWithHeldCrash } from './crash-scene';

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

describe('foldWithHeldCrash', () => {
  const HOLD_MS = 20_000;

  it('folds a contact that follows a sudden stop whose rule fell silent into it, within the hold', () => {
    const stop = signal('sudden_stop', 'traffic.accident', 1000, [1]);
    const first = foldWithHeldCrash([stop], NOTHING, null, 1200, HOLD_MS);
    expect(first.signals).toEqual([stop]);
    // The vehicle is now a party to a contact: the stop rule leaves it to the contact, which comes later.
    const contact = signal('collision', 'traffic.accident', 1800, [1, 2]);
    const second = foldWithHeldCrash([contact], NOTHING, first.held, 2000, HOLD_MS);
    expect(second.signals.map((s) => s.key)).toEqual(['sudden_stop:1']);
    // Past the hold the contact is an accident of its own.
    const late = foldWithHeldCrash([contact], NOTHING, first.held, 1200 + HOLD_MS + 1, HOLD_MS);
    expect(late.signals.map((s) => s.key)).toEqual(['collision:1-2']);
  });

  it('signals a held crash only while something follows it, and keeps it while its scene lasts', () => {
    const crash = signal('collision', 'traffic.accident', 1000, [1, 2]);
    const { held } = foldWithHeldCrash([crash], NOTHING, null, 1000, HOLD_MS);
    const quiet = foldWithHeldCrash([], NOTHING, held, 5000, HOLD_MS);
    expect(quiet.signals).toEqual([]);
    expect(quiet.held).toEqual(held);
    const stopped = signal('stopped_vehicle', 'traffic.incident', 3000, [3]);
    const scene = foldWithHeldCrash([stopped], NOTHING, held, 15_000, HOLD_MS);
    expect(scene.signals.map((s) => s.key)).toEqual(['collision:1-2']);
    expect(scene.signals[0]!.detail).toMatchObject({ stoppedVehicles: 1 });
    // The scene renewed the hold: a vehicle still standing 30 s after the crash is still part of it.
    expect(foldWithHeldCrash([stopped], NOTHING, scene.held, 30_000, HOLD_MS).signals[0]!.key).toBe('collision:1-2');
  });
});
