// Runs the rule engine over scenarios and scores it per rule kind (precision/recall at incident level).
import type { RuleSignal } from '../../pipeline/types';
import type { CrowdSample } from '../crowd.rule';
import type { IncidentAction } from '../incident-book';
import type { LineCount } from '../line-counter';
import { createRuleEngine, evaluate, type RuleEngineOptionsInput } from '../rule-engine';
import { toPixelScene } from '../scene';
import type { Scenario } from './scenarios';

export interface TimedAction {
  /** Seconds from the scenario start. */
  tS: number;
  action: IncidentAction;
}

export interface ScenarioRun {
  scenario: Scenario;
  signals: RuleSignal[];
  actions: TimedAction[];
  crowdSamples: CrowdSample[];
  lineCounts: LineCount[];
}

export function runScenario(scenario: Scenario, options: RuleEngineOptionsInput = {}): ScenarioRun {
  const first = scenario.frames[0];
  const scene = toPixelScene(
    scenario.zones,
    scenario.lines,
    first?.frameWidth ?? 1280,
    first?.frameHeight ?? 720,
    scenario.areaM2ByZoneId,
  );
  const engine = createRuleEngine({ scene, options });
  const run: ScenarioRun = { scenario, signals: [], actions: [], crowdSamples: [], lineCounts: [] };
  for (const frame of scenario.frames) {
    const out = evaluate(engine, frame);
    run.signals.push(...out.signals);
    run.actions.push(
      ...out.incidentActions.map((action) => ({ tS: (frame.t - scenario.startMs) / 1000, action })),
    );
    run.crowdSamples.push(...out.crowdSamples);
    run.lineCounts.push(...out.lineCounts);
  }
  return run;
}

/** The incidents a run opened: kind and onset (seconds from the scenario start). */
export function openedIncidents(
  run: ScenarioRun,
): { key: string; kind: string; type: string; onsetS: number; openedS: number }[] {
  return run.actions.flatMap(({ tS, action }) =>
    action.action === 'open'
      ? [
          {
            key: action.signal.key,
            kind: action.signal.kind,
            type: action.signal.type,
            onsetS: (action.signal.onset - run.scenario.startMs) / 1000,
            openedS: tS,
          },
        ]
      : [],
  );
}

export interface KindScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number | null;
  recall: number | null;
}

/**
 * Per kind: an expected incident matched by one opened incident of that kind and type is a true positive,
 * each further or unexpected opened incident a false positive, an unmatched expectation a false negative.
 */
export function scoreRuns(runs: readonly ScenarioRun[]): Record<string, KindScore> {
  const scores: Record<string, KindScore> = {};
  const score = (kind: string): KindScore =>
    (scores[kind] ??= {
      truePositives: 0,
      falsePositives: 0,
      falseNegatives: 0,
      precision: null,
      recall: null,
    });
  for (const run of runs) {
    const opened = openedIncidents(run);
    for (const expected of run.scenario.expected) {
      const match = opened.findIndex((o) => o.kind === expected.kind && o.type === expected.type);
      if (match >= 0) {
        score(expected.kind).truePositives++;
        opened.splice(match, 1);
      } else {
        score(expected.kind).falseNegatives++;
      }
    }
    for (const extra of opened) score(extra.kind).falsePositives++;
  }
  for (const s of Object.values(scores)) {
    const claimed = s.truePositives + s.falsePositives;
    const actual = s.truePositives + s.falseNegatives;
    s.precision = claimed ? s.truePositives / claimed : null;
    s.recall = actual ? s.truePositives / actual : null;
  }
  return scores;
}
