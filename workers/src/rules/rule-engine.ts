// The rules stage for one camera: tracks in, signals, incident actions, crowd samples and line counts out.
import type { Detection } from '@toc/models';
import type { RuleFrame, RuleSignal } from '../pipeline/types';
import { resolveAccidentOptions, type AccidentOptions, type AccidentOptionsInput } from './accident-options';
import { createAccidentState, evaluateAccidents, type AccidentState } from './accident.rules';
import {
  DEFAULT_CROWD_OPTIONS,
  createCrowdState,
  evaluateCrowd,
  type CrowdOptions,
  type CrowdSample,
  type CrowdState,
} from './crowd.rule';
import {
  DEFAULT_ELEPHANT_OPTIONS,
  createElephantState,
  evaluateElephants,
  evaluateStill,
  type ElephantOptions,
  type ElephantState,
} from './elephant.rule';
import {
  createIncidentBook,
  isRunning,
  reconcileIncidents,
  type IncidentAction,
  type IncidentBook,
  type IncidentBookOptions,
} from './incident-book';
import {
  DEFAULT_LINE_COUNTER_OPTIONS,
  createLineCounterState,
  evaluateLines,
  type LineCount,
  type LineCounterOptions,
  type LineCounterState,
} from './line-counter';
import type { PixelScene } from './scene';

export interface RuleEngineOptions {
  accident: AccidentOptions;
  elephant: ElephantOptions;
  crowd: CrowdOptions;
  lines: LineCounterOptions;
  incidents: Partial<IncidentBookOptions>;
}

export interface RuleEngineOptionsInput {
  accident?: AccidentOptionsInput;
  elephant?: Partial<ElephantOptions>;
  crowd?: Partial<CrowdOptions>;
  lines?: Partial<LineCounterOptions>;
  incidents?: Partial<IncidentBookOptions>;
}

export function resolveRuleEngineOptions(input: RuleEngineOptionsInput = {}): RuleEngineOptions {
  return {
    accident: resolveAccidentOptions(input.accident),
    elephant: { ...DEFAULT_ELEPHANT_OPTIONS, ...input.elephant },
    crowd: { ...DEFAULT_CROWD_OPTIONS, ...input.crowd },
    lines: { ...DEFAULT_LINE_COUNTER_OPTIONS, ...input.lines },
    incidents: { ...input.incidents },
  };
}

/** Per-camera state; `evaluate` updates it in place. Deterministic: no clocks, no I/O. */
export interface RuleEngine {
  scene: PixelScene;
  options: RuleEngineOptions;
  accident: AccidentState;
  elephant: ElephantState;
  crowd: CrowdState;
  lines: LineCounterState;
  book: IncidentBook;
}

export function createRuleEngine({
  scene,
  options,
}: {
  scene: PixelScene;
  options?: RuleEngineOptionsInput;
}): RuleEngine {
  const resolved = resolveRuleEngineOptions(options);
  return {
    scene,
    options: resolved,
    accident: createAccidentState(),
    elephant: createElephantState(),
    crowd: createCrowdState(),
    lines: createLineCounterState(),
    book: createIncidentBook(resolved.incidents),
  };
}

export interface RuleEngineOutput {
  signals: RuleSignal[];
  incidentActions: IncidentAction[];
  crowdSamples: CrowdSample[];
  lineCounts: LineCount[];
  /** Road signals withheld because the frame's camera is behind (RuleFrame.roadRulesHeld). */
  roadSignalsHeld: number;
}

export function evaluate(engine: RuleEngine, frame: RuleFrame): RuleEngineOutput {
  const { scene, options } = engine;
  const context = { scene, frame };
  const crowd = evaluateCrowd(engine.crowd, context, options.crowd);
  // The road rules still run (their memory of each track stays current); while held only the incidents already open
  // hear from them. Elephants and crowds are seen frame by frame and are not held.
  const road = evaluateAccidents(engine.accident, context, options.accident);
  const roadKept = frame.roadRulesHeld ? road.filter((signal) => isRunning(engine.book, signal.key)) : road;
  const signals = [
    ...roadKept,
    ...evaluateElephants(engine.elephant, context, options.elephant),
    ...crowd.signals,
  ];
  const lineCounts = evaluateLines(engine.lines, context, options.lines);
  const reconciled = reconcileIncidents(engine.book, signals, frame.t);
  engine.book = reconciled.book;
  return {
    signals,
    incidentActions: reconciled.actions,
    crowdSamples: crowd.samples,
    lineCounts,
    roadSignalsHeld: road.length - roadKept.length,
  };
}

/** A camera-trap still: an elephant sighting signal when one scores high enough (no tracking, no incident book). */
export function evaluateTrapImage(
  detections: readonly Detection[],
  t: number,
  options: { trapMinScore?: number; scene?: PixelScene } = {},
): RuleSignal[] {
  const signal = evaluateStill(detections, { t, ...options });
  return signal ? [signal] : [];
}
