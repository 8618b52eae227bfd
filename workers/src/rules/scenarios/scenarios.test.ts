import { describe, expect, it } from 'vitest';
import { RULE_EVENT_TYPES, isRuleKind } from '../rule-titles';
import { openedIncidents, runScenario, scoreRuns, type ScenarioRun } from './evaluate';
import { buildScenarios, SCENARIOS } from './scenarios';

const runs = SCENARIOS.map((scenario) => runScenario(scenario));
const byName = (name: string): ScenarioRun => runs.find((r) => r.scenario.name === name)!;

function checkRun(run: ScenarioRun): void {
  const opened = openedIncidents(run);
  expect(opened.map((o) => o.kind).sort()).toEqual(run.scenario.expected.map((e) => e.kind).sort());
  for (const expected of run.scenario.expected) {
    const incident = opened.find((o) => o.kind === expected.kind)!;
    expect(incident.type).toBe(expected.type);
    expect(Math.abs(incident.onsetS - expected.onsetS)).toBeLessThanOrEqual(2);
  }
}

describe('scenarios', () => {
  it('covers every rule kind with a labelled scenario', () => {
    const kinds = new Set(SCENARIOS.flatMap((s) => s.expected.map((e) => e.kind)));
    expect(kinds.size).toBe(9);
    expect(SCENARIOS.map((s) => s.name)).toContain('normal flow');
    for (const scenario of SCENARIOS) {
      expect(scenario.frames[1]!.t - scenario.frames[0]!.t).toBe(200);
      expect(scenario.frames).toHaveLength(scenario.durationS * 5 + 1);
    }
  });

  describe.each(SCENARIOS.map((s) => s.name))('%s', (name) => {
    const run = byName(name);

    it('raises exactly the expected kinds, with onsets within 2 s of the truth', () => checkRun(run));

    it('makes one event per incident: open once, updates, end once after the condition stops', () => {
      const keys = new Set(openedIncidents(run).map((o) => o.key));
      for (const key of keys) {
        const lifecycle = run.actions.filter(
          ({ action }) => (action.action === 'open' ? action.signal.key : action.key) === key,
        );
        const steps = lifecycle.map(({ action }) => action.action);
        expect(steps[0]).toBe('open');
        expect(steps.at(-1)).toBe('end');
        expect(steps.filter((s) => s === 'open')).toHaveLength(1);
        expect(steps.filter((s) => s === 'end')).toHaveLength(1);
        const updates = lifecycle.filter(({ action }) => action.action === 'update');
        for (const { action } of updates) expect(action.action === 'update' && action.reopened).toBe(false);
        const end = lifecycle.at(-1)!.action;
        const lastedS = end.action === 'end' ? (end.at - run.scenario.startMs) / 1000 - lifecycle[0]!.tS : 0;
        if (lastedS >= 5) expect(updates.length).toBeGreaterThanOrEqual(Math.floor(lastedS / 5) - 1);
      }
    });

    it('reports every signal under the event type of its kind', () => {
      for (const signal of run.signals) {
        expect(isRuleKind(signal.kind)).toBe(true);
        if (isRuleKind(signal.kind)) expect(signal.type).toBe(RULE_EVENT_TYPES[signal.kind]);
      }
    });
  });

  it('scores precision and recall 1 for every rule', () => {
    const scores = scoreRuns(runs);
    expect(Object.keys(scores).sort()).toEqual([
      'collision',
      'congestion',
      'crash_aftermath',
      'crowd_alert',
      'elephant_sighting',
      'person_on_road',
      'stopped_vehicle',
      'sudden_stop',
      'wrong_way',
    ]);
    for (const score of Object.values(scores))
      expect(score).toMatchObject({ precision: 1, recall: 1, falsePositives: 0 });
  });

  it('raises no signal at all in normal flow, and counts the traffic crossing the line', () => {
    const run = byName('normal flow');
    expect(run.signals).toEqual([]);
    // First minute: lane A 8 cars (two of them after the light), lane B 10 cars, a bus, a motorcycle and its rider.
    expect(run.lineCounts[0]!.counts).toEqual({
      car: { forward: 18, reverse: 0 },
      bus: { forward: 1, reverse: 0 },
      motorbike: { forward: 1, reverse: 0 },
      person: { forward: 1, reverse: 0 },
    });
  });

  it('raises stopped-vehicle severity from medium to high the longer it stays', () => {
    const severities = byName('stopped car in lane').signals.map((s) => s.severity);
    expect(severities[0]).toBe('medium');
    expect(severities.at(-1)).toBe('high');
  });

  it('produces crowd samples that follow the gathering', () => {
    const samples = byName('crowd gathering').crowdSamples;
    expect(samples).toHaveLength(11);
    expect(Math.max(...samples.map((s) => s.maxCount))).toBe(25);
    expect(samples[0]!.meanCount).toBeLessThan(samples[4]!.meanCount);
  });

  it('still holds with other jitter seeds and a larger jitter', () => {
    for (const run of buildScenarios({ seed: 1000, jitterPx: 2.5 }).map((s) => runScenario(s))) checkRun(run);
  });
});
