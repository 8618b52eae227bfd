import { describe, expect, it } from 'vitest';
import type { RuleSignal } from '../pipeline/types';
import { createRuleEngine, evaluate, evaluateTrapImage, resolveRuleEngineOptions } from './rule-engine';
import { RULE_EVENT_TYPES, RULE_KINDS, RULE_TITLES, ruleTitle } from './rule-titles';
import { SCENARIOS } from './scenarios/scenarios';
import { testScene } from './scenarios/harness';

describe('rule engine', () => {
  it('merges nested options over the defaults', () => {
    const options = resolveRuleEngineOptions({
      accident: { stoppedAfterS: 45, motion: { windowS: 2 } },
      crowd: { holdS: 5 },
    });
    expect(options.accident.stoppedAfterS).toBe(45);
    expect(options.accident.motion).toMatchObject({ windowS: 2, stopRadiusBh: 0.2 });
    expect(options.accident.personOnRoadS).toBe(3);
    expect(options.crowd).toMatchObject({ holdS: 5, sampleEveryS: 10 });
    expect(options.lines.intervalS).toBe(60);
    expect(options.elephant.minFrames).toBe(3);
  });

  it('runs every rule on a frame and feeds the incident book', () => {
    const scenario = SCENARIOS.find((s) => s.name === 'stopped car in lane')!;
    const engine = createRuleEngine({ scene: testScene(), options: { lines: { intervalS: 30 } } });
    const outputs = scenario.frames.map((frame) => evaluate(engine, frame));
    const actions = outputs.flatMap((o) => o.incidentActions);
    expect(actions.filter((a) => a.action === 'open')).toHaveLength(1);
    expect(outputs.flatMap((o) => o.crowdSamples).length).toBeGreaterThanOrEqual(9);
    expect(outputs.flatMap((o) => o.lineCounts).map((c) => c.endedAt - c.startedAt)).toEqual([
      30_000, 30_000, 30_000,
    ]);
  });

  it('holds new road incidents while the camera is behind, and lets an open one go on', () => {
    const scenario = SCENARIOS.find((s) => s.name === 'stopped car in lane')!;
    const opens = (outputs: ReturnType<typeof evaluate>[]) =>
      outputs.flatMap((o) => o.incidentActions).filter((a) => a.action === 'open');

    const held = createRuleEngine({ scene: testScene() });
    const heldOutputs = scenario.frames.map((frame) => evaluate(held, { ...frame, roadRulesHeld: true }));
    expect(opens(heldOutputs)).toHaveLength(0);
    expect(heldOutputs.reduce((sum, o) => sum + o.roadSignalsHeld, 0)).toBeGreaterThan(0);

    // Behind only after the alarm opened: it goes on (updated, ended) exactly as on a camera keeping pace.
    const free = createRuleEngine({ scene: testScene() });
    const freeActions = scenario.frames.flatMap((frame) => evaluate(free, frame).incidentActions);
    const engine = createRuleEngine({ scene: testScene() });
    const outputs: ReturnType<typeof evaluate>[] = [];
    let openedAt = -1;
    for (const [index, frame] of scenario.frames.entries()) {
      const output = evaluate(engine, { ...frame, roadRulesHeld: openedAt >= 0 });
      if (openedAt < 0 && opens([output]).length) openedAt = index;
      outputs.push(output);
    }
    expect(openedAt).toBeGreaterThanOrEqual(0);
    expect(outputs.every((o) => o.roadSignalsHeld === 0)).toBe(true);
    expect(outputs.flatMap((o) => o.incidentActions)).toEqual(freeActions);
  });

  it('evaluates a camera-trap still on its own', () => {
    const [signal] = evaluateTrapImage(
      [{ classId: 20, label: 'elephant', score: 0.8, box: [10, 10, 210, 190] }],
      1234,
    );
    expect(signal).toMatchObject({ type: 'elephant.sighting', onset: 1234, severity: 'critical' });
    expect(evaluateTrapImage([], 0)).toEqual([]);
  });
});

describe('rule titles', () => {
  it('has an English and a Thai title for every kind, and the event type each kind is reported as', () => {
    for (const kind of RULE_KINDS) {
      expect(RULE_TITLES[kind].en).toMatch(/\w/);
      expect(RULE_TITLES[kind].th).toMatch(/[\u0E00-\u0E7F]/);
    }
    expect(ruleTitle('stopped_vehicle')).toEqual({ en: 'Stopped vehicle in lane', th: 'รถจอดนิ่งในช่องจราจร' });
    expect(ruleTitle('unknown_kind')).toEqual({ en: 'unknown_kind', th: 'unknown_kind' });
  });

  it('matches the kinds and types the rules actually emit', () => {
    const scene = testScene();
    const seen = new Map<string, RuleSignal['type']>();
    for (const scenario of SCENARIOS) {
      const run = createRuleEngine({ scene });
      for (const frame of scenario.frames)
        for (const s of evaluate(run, frame).signals) seen.set(s.kind, s.type);
    }
    expect([...seen.keys()].sort()).toEqual([...RULE_KINDS].sort());
    for (const [kind, type] of seen)
      expect(type).toBe(RULE_EVENT_TYPES[kind as keyof typeof RULE_EVENT_TYPES]);
  });
});
