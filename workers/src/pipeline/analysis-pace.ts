// Whether one camera's analysis keeps up with its detect rate: the share of the expected frames it analysed over the
// last seconds. Too few, and tracks jump across the missing frames, so the road rules see crashes that are not there
// (measured: bench:scale at 45 % of 5 fps raised collisions on the street clip, which raises none played in full).

export interface PaceOptions {
  /** Seconds the analysed share is measured over. */
  windowS: number;
  /** No verdict before the frames analysed span this long (a camera just started). */
  minSpanS: number;
  /** Below this share of the expected frames the camera is behind… */
  behindBelowShare: number;
  /** …and it has caught up once the share stayed at or above this for `caughtUpAfterS` (its tracks formed again). */
  caughtUpShare: number;
  caughtUpAfterS: number;
}

export const DEFAULT_PACE_OPTIONS: PaceOptions = {
  windowS: 10,
  minSpanS: 2,
  behindBelowShare: 0.5,
  caughtUpShare: 0.8,
  caughtUpAfterS: 5,
};

export interface AnalysisPace {
  /** The camera's detect rate. */
  expectedFps: number;
  /** Frames analysed per second over the window. */
  analysedFps: number;
  /** analysedFps ÷ expectedFps, at most 1. */
  share: number;
  behind: boolean;
  /** When it fell behind (ms, the frames' clock), or null. */
  behindSince: number | null;
}

export interface PaceState {
  /** Times of the frames analysed within the window, oldest first. */
  times: number[];
  behindSince: number | null;
  /** Since when the share has been back at or above `caughtUpShare` while behind. */
  recoveringSince: number | null;
}

export const createPaceState = (): PaceState => ({ times: [], behindSince: null, recoveringSince: null });

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Counts a frame analysed at `t` (ms, in order) and returns the pace; updates `state` in place. */
export function observePace(
  state: PaceState,
  t: number,
  expectedFps: number,
  options: PaceOptions = DEFAULT_PACE_OPTIONS,
): AnalysisPace {
  const { times } = state;
  times.push(t);
  let first = 0;
  while (first < times.length - 1 && t - times[first]! > options.windowS * 1000) first++;
  if (first > 0) times.splice(0, first);

  const spanS = (t - times[0]!) / 1000;
  // Frames between the oldest and this one: intervals analysed over the time they span.
  const analysedFps = spanS > 0 ? (times.length - 1) / spanS : expectedFps;
  const share = expectedFps > 0 ? Math.min(1, analysedFps / expectedFps) : 1;
  if (spanS >= options.minSpanS) {
    if (state.behindSince === null) {
      if (share < options.behindBelowShare) {
        state.behindSince = t;
        state.recoveringSince = null;
      }
    } else if (share < options.caughtUpShare) {
      state.recoveringSince = null;
    } else {
      state.recoveringSince ??= t;
      if (t - state.recoveringSince >= options.caughtUpAfterS * 1000) {
        state.behindSince = null;
        state.recoveringSince = null;
      }
    }
  }
  return {
    expectedFps,
    analysedFps: round2(analysedFps),
    share: round2(share),
    behind: state.behindSince !== null,
    behindSince: state.behindSince,
  };
}
