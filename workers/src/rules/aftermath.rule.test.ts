import { describe, expect, it } from 'vitest';
import {
  createAftermathState,
  DEFAULT_AFTERMATH_OPTIONS,
  evaluateAftermath,
  type StandingPerson,
  type StandingVehicle,
} from './aftermath.rule';

const car = (stoppedSince: number, fields: Partial<StandingVehicle> = {}): StandingVehicle => ({
  trackId: 1,
  label: 'car',
  box: [500, 360, 610, 420],
  contact: [555, 420],
  stoppedSince,
  ground: null,
  ...fields,
});
const person = (trackId: number, contact: [number, number], onRoadSince: number): StandingPerson => ({
  trackId,
  contact,
  onRoadSince,
});

/** Runs frames every 200 ms from `fromMs` to `toMs`; `view(t)` gives what stands in the carriageway then. */
function run(
  fromMs: number,
  toMs: number,
  view: (t: number) => { vehicles: StandingVehicle[]; people: StandingPerson[] },
) {
  const state = createAftermathState();
  const frames: { t: number; kinds: string[]; people: number[] }[] = [];
  for (let t = fromMs; t <= toMs; t += 200) {
    const signals = evaluateAftermath(state, { t, ...view(t) });
    frames.push({
      t,
      kinds: signals.map((s) => s.kind),
      people: signals.map((s) => s.detail.people as number),
    });
  }
  return frames;
}

const firstRaised = (frames: ReturnType<typeof run>) => frames.find((f) => f.kinds.length > 0)?.t ?? null;

describe('evaluateAftermath', () => {
  it('finds a crash scene once a person has stood on the carriageway beside a stopped vehicle, from the stop', () => {
    const state = createAftermathState();
    const input = { t: 8_000, vehicles: [car(0)], people: [person(7, [630, 425], 4_000)] };
    const [signal] = evaluateAftermath(state, input);
    expect(signal).toMatchObject({
      key: 'aftermath:1',
      type: 'traffic.accident',
      kind: 'crash_aftermath',
      severity: 'high',
      onset: 0,
      trackIds: [1, 7],
      imagePoint: [555, 420],
      detail: { label: 'car', people: 1, stoppedForS: 8 },
    });
    // Not before the person has stood there `standingS`, nor before the vehicle has stood `stoppedS`.
    expect(evaluateAftermath(createAftermathState(), { ...input, t: 6_800 })).toEqual([]);
    expect(
      evaluateAftermath(createAftermathState(), {
        ...input,
        vehicles: [car(6_000)],
        people: [person(7, [630, 425], 0)],
      }),
    ).toEqual([]);
  });

  it('ignores people far from the vehicle, a bus at its stop, and a vehicle with nobody beside it', () => {
    const far = person(7, [1_100, 425], 0);
    expect(run(0, 20_000, () => ({ vehicles: [car(0)], people: [far] })).some((f) => f.kinds.length)).toBe(
      false,
    );
    const bus = car(0, { label: 'bus' });
    const beside = person(7, [630, 425], 0);
    expect(run(0, 20_000, () => ({ vehicles: [bus], people: [beside] })).some((f) => f.kinds.length)).toBe(
      false,
    );
    expect(run(0, 20_000, () => ({ vehicles: [car(0)], people: [] })).some((f) => f.kinds.length)).toBe(
      false,
    );
  });

  it('counts everyone who joins, holds while the vehicle stands, and ends the hold after it is gone', () => {
    const holdMs = DEFAULT_AFTERMATH_OPTIONS.holdS * 1000;
    const frames = run(0, 40_000 + holdMs + 1_000, (t) => ({
      vehicles: t < 40_000 ? [car(0)] : [],
      people: [
        ...(t >= 2_000 && t < 20_000 ? [person(7, [630, 425], 2_000)] : []),
        ...(t >= 6_000 && t < 20_000 ? [person(8, [480, 400], 6_000)] : []),
      ],
    }));
    expect(firstRaised(frames)).toBe(5_000);
    expect(frames.find((f) => f.t === 10_000)?.people).toEqual([2]);
    // The people left at 20 s; the vehicle still stands, so the scene is still signalled.
    expect(frames.find((f) => f.t === 30_000)?.kinds).toEqual(['crash_aftermath']);
    expect(frames.find((f) => f.t === 39_800 + holdMs)?.kinds).toEqual(['crash_aftermath']);
    expect(frames.find((f) => f.t === 40_000 + holdMs)?.kinds).toEqual([]);
  });
});
