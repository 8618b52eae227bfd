// Counts what happens to a camera's frames and turns the counts into the health figures operators see.
import type { CameraHealth, CameraPace, CameraStability } from '@toc/server/schemas';
import type { AnalysisPace } from '../pipeline/analysis-pace';
import type { CameraLoad } from './worker-capacity';

/** An hour shows a pattern of drops without holding on to yesterday's one outage. */
const OUTAGE_WINDOW_MS = 60 * 60 * 1000;
/** Drops in the window that make a camera unstable: once is an outage, three times an hour is a flapping link. */
const FLAPPING_OUTAGES = 3;
/** A camera dropping more of its frames than this (the detector busy with others) is short of frames. */
const SHORT_SKIPPED_SHARE = 0.1;
/** A camera without a frame this long (since it started, or since its last) is silent: down, or unreachable. */
const SILENT_AFTER_MS = 15_000;

/** The stability figures from the times the stream dropped (ms); drops older than the window are forgotten. */
export function streamStability(outages: readonly number[], now: number): CameraStability {
  const n = outages.filter((at) => now - at < OUTAGE_WINDOW_MS).length;
  const flapping = n >= FLAPPING_OUTAGES;
  return {
    outagesLastHour: n,
    flapping,
    reasonText: flapping ? `unstable: the stream dropped ${n} times in the last hour` : null,
    reasonTextTh: flapping ? `สัญญาณไม่เสถียร: ภาพหลุด ${n} ครั้งในหนึ่งชั่วโมงที่ผ่านมา` : null,
  };
}

/** The pace figures operators see, with the reason in English and Thai while the camera is behind. */
export function paceHealth(pace: AnalysisPace, roadSignalsHeld: number): CameraPace {
  const of = `${pace.analysedFps} of ${pace.expectedFps}`;
  const ofTh = `${pace.analysedFps} จาก ${pace.expectedFps}`;
  return {
    expectedFps: pace.expectedFps,
    analysedFps: pace.analysedFps,
    behind: pace.behind,
    behindSince: pace.behindSince === null ? null : new Date(pace.behindSince).toISOString(),
    roadSignalsHeld,
    reasonText: pace.behind
      ? `analysis behind: ${of} frames a second analysed; new road alarms held until it catches up`
      : null,
    reasonTextTh: pace.behind
      ? `วิเคราะห์ภาพไม่ทัน: วิเคราะห์ได้ ${ofTh} ภาพต่อวินาที งดแจ้งเหตุบนถนนใหม่จนกว่าจะตามทัน`
      : null,
  };
}

export class HealthMeter {
  private window = { startedAt: Date.now(), framesIn: 0, detected: 0, gated: 0, inferenceMs: 0, skipped: 0 };
  private framesSkipped = 0;
  /** As of the last snapshot with frames: detector time a frame, and the share of frames dropped. */
  private measured: { inferenceMsPerFrame: number | null; skippedShare: number } = {
    inferenceMsPerFrame: null,
    skippedShare: 0,
  };
  private frameErrors = 0;
  private decodeErrors = 0;
  private confirmedTracks = 0;
  private lastFrameAt: Date | null = null;
  private outages: number[] = [];
  private latestPace: AnalysisPace | null = null;
  private roadSignalsHeld = 0;

  private readonly startedAt = Date.now();

  constructor(private readonly workerId: string) {}

  frameIn(at: Date): void {
    this.window.framesIn++;
    this.lastFrameAt = at;
  }
  detected(inferenceMs: number): void {
    this.window.detected++;
    this.window.inferenceMs += inferenceMs;
  }
  gated(): void {
    this.window.gated++;
  }
  skipped(): void {
    this.framesSkipped++;
    this.window.skipped++;
  }
  frameError(): void {
    this.frameErrors++;
  }
  decodeError(): void {
    this.decodeErrors++;
  }
  tracks(confirmed: number): void {
    this.confirmedTracks = confirmed;
  }
  /** The pace after a frame, and the road signals that frame's rules withheld. */
  pace(pace: AnalysisPace, roadSignalsHeld: number): void {
    this.latestPace = pace;
    this.roadSignalsHeld += roadSignalsHeld;
  }
  /** The stream was lost after it had delivered frames. */
  outage(at = Date.now()): void {
    this.outages = [...this.outages.filter((t) => at - t < OUTAGE_WINDOW_MS), at];
  }

  /** Rates over the time since the previous snapshot; totals since start. */
  snapshot(now = Date.now()): CameraHealth {
    const w = this.window;
    const seconds = Math.max(0.001, (now - w.startedAt) / 1000);
    const round = (v: number) => Math.round(v * 100) / 100;
    const health: CameraHealth = {
      workerId: this.workerId,
      inputFps: round(w.framesIn / seconds),
      detectFps: round(w.detected / seconds),
      gatedFps: round(w.gated / seconds),
      framesSkipped: this.framesSkipped,
      frameErrors: this.frameErrors,
      decodeErrors: this.decodeErrors,
      inferenceMs: round(w.detected ? w.inferenceMs / w.detected : 0),
      tracks: this.confirmedTracks,
      lastFrameAt: this.lastFrameAt?.toISOString() ?? null,
      stability: streamStability(this.outages, now),
      ...(this.latestPace ? { pace: paceHealth(this.latestPace, this.roadSignalsHeld) } : {}),
    };
    if (w.detected) this.measured.inferenceMsPerFrame = w.inferenceMs / w.detected;
    if (w.framesIn) this.measured.skippedShare = w.skipped / w.framesIn;
    this.window = { startedAt: now, framesIn: 0, detected: 0, gated: 0, inferenceMs: 0, skipped: 0 };
    return health;
  }

  /** What the camera costs its worker, as of the last snapshot (a gated window keeps the last detector time). */
  load(detectFps: number, now = Date.now()): CameraLoad {
    return {
      detectFps,
      inferenceMsPerFrame: this.measured.inferenceMsPerFrame,
      shortOfFrames: (this.latestPace?.behind ?? false) || this.measured.skippedShare > SHORT_SKIPPED_SHARE,
      silent: now - (this.lastFrameAt?.getTime() ?? this.startedAt) > SILENT_AFTER_MS,
    };
  }
}
