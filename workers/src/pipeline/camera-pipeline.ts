// One camera's analytics between a raw frame and rule outputs: motion gate → (detector) → tracker → placement → rules.
import type { Detection } from '@toc/models';
import { polygonGroundAreaM2, type GroundCalibration } from '@toc/server/geometry/calibration';
import type { CountingLine, Zone } from '@toc/server/schemas';
import { createMotionGate, greyThumbnail, motionGateStats, updateMotionGate, type MotionGateResult, type MotionGateState } from '../motion';
import { coast, createTracker, track, trackerStats, type TrackerState } from '../track';
import { createRuleEngine, evaluate, type RuleEngine, type RuleEngineOptionsInput, type RuleEngineOutput } from '../rules/rule-engine';
import { withoutMasked } from '../rules/masks';
import { toPixelScene } from '../rules/scene';
import { createPaceState, observePace, type AnalysisPace, type PaceOptions, type PaceState } from './analysis-pace';
import { placeTracks } from './placement';
import type { FrameLayout } from './frame-layout';
import type { Track } from './types';

export interface SceneSetup {
  zones: Zone[];
  lines: CountingLine[];
  calibration: GroundCalibration | null;
}

export interface PipelineStep {
  tracks: Track[];
  rules: RuleEngineOutput;
  /** How well the analysis keeps up with the camera's detect rate; null when the pipeline was given none. */
  pace: AnalysisPace | null;
}

export interface CameraPipelineOptions {
  gating: boolean;
  rules?: RuleEngineOptionsInput;
  /**
   * The camera's detect rate: with it, a camera analysing too few of its frames is behind and its road rules are held
   * (analysis-pace.ts). Tools that feed every frame of a file leave it out.
   */
  expectedFps?: number;
  pace?: PaceOptions;
}

export class CameraPipeline {
  private gate: MotionGateState;
  private tracker: TrackerState = createTracker();
  private readonly engine: RuleEngine;
  private scene: SceneSetup;
  private thumbnail: Uint8Array | undefined;
  private readonly pace: PaceState = createPaceState();

  constructor(
    readonly layout: FrameLayout,
    scene: SceneSetup,
    private readonly options: CameraPipelineOptions = { gating: true },
  ) {
    this.gate = createMotionGate();
    this.scene = scene;
    this.engine = createRuleEngine({ scene: this.pixelScene(scene), ...(options.rules ? { options: options.rules } : {}) });
  }

  get currentScene(): SceneSetup {
    return this.scene;
  }

  /**
   * New zones or calibration take effect on the next frame. Tracks and rule state (kept by zone, line and track
   * id) carry on, so a crowd episode or a stopped vehicle already raised goes on under the new scene, and ends if
   * the new zones no longer hold it.
   */
  setScene(scene: SceneSetup): void {
    this.scene = scene;
    this.engine.scene = this.pixelScene(scene);
  }

  private pixelScene(scene: SceneSetup) {
    const { sourceWidth: width, sourceHeight: height } = this.layout;
    const areas = new Map<number, number>();
    if (scene.calibration) {
      for (const zone of scene.zones) {
        const area = polygonGroundAreaM2(scene.calibration, zone.polygon);
        if (area !== null) areas.set(zone.id, area);
      }
    }
    return toPixelScene(scene.zones, scene.lines, width, height, areas);
  }

  /** Decides whether this frame needs the detector; without gating, every frame does. */
  gateFrame(frame: Uint8Array, t: number): MotionGateResult | null {
    if (!this.options.gating) return null;
    const grey = greyThumbnail(
      frame,
      {
        frameWidth: this.layout.frameWidth,
        contentWidth: this.layout.contentWidth,
        contentHeight: this.layout.contentHeight,
        colorOrder: this.layout.colorOrder,
      },
      this.thumbnail,
    );
    this.thumbnail = grey.data;
    const result = updateMotionGate(this.gate, grey, t);
    this.gate = result.state;
    return result;
  }

  /** Advances tracks with this frame's detections, or predicts them when the gate skipped detection. */
  advance(found: readonly Detection[] | null, t: number): PipelineStep {
    const detections = found && withoutMasked(found, this.engine.scene);
    const result = detections ? track(this.tracker, detections, t) : coast(this.tracker, t);
    this.tracker = result.state;
    placeTracks(result.tracks, this.scene.calibration, { width: this.layout.sourceWidth, height: this.layout.sourceHeight });
    const { expectedFps } = this.options;
    const pace = expectedFps ? observePace(this.pace, t, expectedFps, this.options.pace) : null;
    const rules = evaluate(this.engine, {
      t,
      frameWidth: this.layout.sourceWidth,
      frameHeight: this.layout.sourceHeight,
      tracks: result.tracks,
      detections: detections ?? [],
      roadRulesHeld: pace?.behind ?? false,
    });
    return { tracks: result.tracks, rules, pace };
  }

  stats() {
    return { gate: motionGateStats(this.gate), tracker: trackerStats(this.tracker) };
  }
}
