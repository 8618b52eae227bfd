// Scores the incidents a clip raised against its ground truth: the crash found (delay, onset error), the stopped
// vehicles reported, separate alarms for the same crash, and false alarms in normal flow. Pure.

export interface RaisedIncident {
  /** Event type, e.g. traffic.accident. */
  type: string;
  kind: string;
  /** Seconds from the start of the clip. */
  openedS: number;
  onsetS: number;
}

export interface ClipTruth {
  impactS: number | null;
  stoppedS: number | null;
}

export interface ClipScore {
  /** The first accident raised for the crash: delay after the impact and onset error. */
  accident: { delayS: number; onsetErrorS: number } | null;
  /** Delay from the vehicles' stop to the first alarm that reports them (a stopped vehicle or the accident). */
  stoppedDelayS: number | null;
  /** Alarms after the crash that are not its accident: the same incident raised again under another name. */
  separate: RaisedIncident[];
  falseAlarms: RaisedIncident[];
}

/** Before this much ahead of the labelled impact, an alarm is about normal flow. */
const IMPACT_TOLERANCE_S = 1;

export function scoreClip(incidents: readonly RaisedIncident[], truth: ClipTruth): ClipScore {
  const opened = [...incidents].sort((a, b) => a.openedS - b.openedS);
  if (truth.impactS === null)
    return { accident: null, stoppedDelayS: null, separate: [], falseAlarms: opened };
  const crashFrom = truth.impactS - IMPACT_TOLERANCE_S;
  const falseAlarms = opened.filter((i) => i.openedS < crashFrom);
  const after = opened.filter((i) => i.openedS >= crashFrom);
  const first = after.find((i) => i.type === 'traffic.accident') ?? null;
  const accident = first && {
    delayS: first.openedS - truth.impactS,
    onsetErrorS: first.onsetS - truth.impactS,
  };
  const reporting = after.find(
    (i) =>
      i === first || (i.kind === 'stopped_vehicle' && truth.stoppedS !== null && i.openedS >= truth.stoppedS),
  );
  const stoppedDelayS =
    truth.stoppedS === null || !reporting ? null : Math.max(0, reporting.openedS - truth.stoppedS);
  return { accident, stoppedDelayS, separate: after.filter((i) => i !== first), falseAlarms };
}

/** The bar for a crash caught: raised within this long of the impact… */
export const ON_TIME_DELAY_S = 3;
/** …with its onset this close to it. */
export const ON_TIME_ONSET_S = 1;

export interface AccidentSummary {
  crashes: number;
  recall: number;
  /** Crashes raised within ON_TIME_DELAY_S with the onset within ON_TIME_ONSET_S. */
  onTime: number;
  precision: number;
  meanDelayS: number | null;
  falseAlarms: number;
}

/** Over clips: recall of crashes, precision of accident alarms, mean delay of those found. */
export function summariseAccidents(
  scores: readonly { truth: ClipTruth; score: ClipScore }[],
): AccidentSummary {
  const crashes = scores.filter((s) => s.truth.impactS !== null);
  const found = crashes.filter((s) => s.score.accident !== null);
  const accidentAlarms = scores.flatMap((s) => [
    ...(s.score.accident ? [1] : []),
    ...s.score.falseAlarms.filter((i) => i.type === 'traffic.accident'),
    ...s.score.separate.filter((i) => i.type === 'traffic.accident'),
  ]).length;
  const delays = found.map((s) => s.score.accident!.delayS);
  const onTime = found.filter(
    (s) =>
      s.score.accident!.delayS <= ON_TIME_DELAY_S &&
      Math.abs(s.score.accident!.onsetErrorS) <= ON_TIME_ONSET_S,
  ).length;
  return {
    crashes: crashes.length,
    onTime,
    recall: crashes.length ? found.length / crashes.length : 0,
    precision: accidentAlarms ? found.length / accidentAlarms : 0,
    meanDelayS: delays.length ? delays.reduce((a, b) => a + b, 0) / delays.length : null,
    falseAlarms: scores.reduce((n, s) => n + s.score.falseAlarms.length, 0),
  };
}
