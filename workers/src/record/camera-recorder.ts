// Records one camera across its stream runs: gives each run's ffmpeg its segment output, indexes segments as they
// close, records why footage stops, and at camera start indexes whatever a crashed run left behind.
import { watch, type FSWatcher } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { lastSegmentEnd, openGap } from '@toc/server/repositories/recording-index.repository';
import type { RecordingConfig } from '@toc/server/recording-config';
import type { GapReason, RecordingState, RecordingWorkerHealth } from '@toc/server/schemas';
import { defaultStatfs, recordingsVolumeState, volumeFreeBytes } from '@toc/server/lib/recordings-volume';
import { indexSegmentFile, type IndexerContext } from './segment-indexer';
import { parseSegmentList, type ListedSegment } from './segment-list';
import { SegmentClock } from './segment-clock';
import { segmentOutputOptions, segmentPattern } from './segment-output';
import { incomingDir } from './segment-paths';
import { probeDurationS } from './segment-duration';
import {
  leftoverRuns,
  listFileOf,
  readRunState,
  readSegmentListText,
  removeRunFiles,
  runSegmentFiles,
  writeRunState,
  type RunState,
} from './run-files';

export interface RecorderContext extends Omit<IndexerContext, 'root'> {
  recording: RecordingConfig;
  /** A gap that lost footage unexpectedly (write failure, corrupt segment, dead worker) is an alarm to operators. */
  onGap?: (gap: { reason: GapReason; from: Date; detail: string | null }) => void;
  /**
   * Indexing is behind: `pending` closed segments wait (0 when caught up again). Segments pile up in the incoming
   * folder when the volume or the database cannot keep up with the cameras.
   */
  onBacklog?: (pending: number) => void;
}

/** Closed segments waiting to be indexed at which recording is said not to keep up (about 20 s behind at 10 s each). */
export const BACKLOG_ALARM_SEGMENTS = 3;

/** What the camera asks of its recording: off by settings, paused by the cleaner, or on. */
export interface RecordingWish {
  enabled: boolean;
  pausedReason: string | null;
}

/** The extra ffmpeg output a run adds beside its frames. */
export interface RecordingOutput {
  target: string;
  options: string[];
}

interface ActiveRun {
  state: RunState;
  dir: string;
  clock: SegmentClock | null;
  /** Listed segments already indexed. */
  done: number;
  watcher: FSWatcher | null;
  poll: NodeJS.Timeout;
  /** Segments are indexed one at a time, in order. */
  chain: Promise<void>;
  /** A scan waits in the chain: further triggers (watch, poll) join it instead of queueing more. */
  scanQueued: boolean;
}

/** Segments kept for the bitrate figure. */
const BITRATE_WINDOW = 6;
const POLL_MS = 1_000;

/**
 * Free space below which the volume counts as full: at least this, or two segments at the camera's recent bitrate.
 * A run does not start recording below it, and a run that ends below it ended because the volume filled up.
 */
export const FULL_BELOW_BYTES = 1024 * 1024;
const FULL_REASON = 'recordings volume full: not recording until space is freed';

export class CameraRecorder {
  private run: ActiveRun | null = null;
  private state: RecordingState = 'off';
  private reason: string | null = null;
  private lastEndMs: number | null = null;
  private recent: { bytes: number; ms: number }[] = [];

  private wish: RecordingWish = { enabled: true, pausedReason: null };

  constructor(private readonly ctx: RecorderContext) {}

  /** True when the new wish needs the stream restarted (recording starts, stops or pauses). */
  setWish(wish: RecordingWish): boolean {
    const changed = wish.enabled !== this.wish.enabled || wish.pausedReason !== this.wish.pausedReason;
    this.wish = wish;
    return changed;
  }

  /** Not recording because of the volume (missing or full), and the volume is back: a restart starts recording again. */
  async volumeBack(): Promise<boolean> {
    return (
      this.state === 'error' &&
      (await recordingsVolumeState(this.ctx.recording.dir)).available &&
      !(await this.volumeFull())
    );
  }

  /** Less free space than a couple of segments need (see FULL_BELOW_BYTES); false when it cannot be read. */
  private async volumeFull(): Promise<boolean> {
    if (!this.ctx.recording.dir) return false;
    const bytes = this.recent.reduce((sum, s) => sum + s.bytes, 0);
    const ms = this.recent.reduce((sum, s) => sum + s.ms, 0);
    const segment = ms > 0 ? (bytes / ms) * this.ctx.recording.segmentSeconds * 1000 : 0;
    const free = await volumeFreeBytes(defaultStatfs, this.ctx.recording.dir).catch(() => Infinity);
    return free < Math.max(FULL_BELOW_BYTES, 2 * segment);
  }

  private get root(): string {
    return this.ctx.recording.dir ?? '';
  }

  private get indexer(): IndexerContext {
    return {
      db: this.ctx.db,
      root: this.root,
      cameraId: this.ctx.cameraId,
      workerId: this.ctx.workerId,
      log: this.ctx.log,
    };
  }

  health(): RecordingWorkerHealth {
    const bytes = this.recent.reduce((sum, s) => sum + s.bytes, 0);
    const ms = this.recent.reduce((sum, s) => sum + s.ms, 0);
    return {
      state: this.state,
      reason: this.reason,
      bitrateKbps: ms > 0 ? Math.round((bytes * 8) / ms) : 0,
      lastSegmentAt: this.lastEndMs === null ? null : new Date(this.lastEndMs).toISOString(),
    };
  }

  /** At camera start (this worker now owns the camera): index what earlier runs left in the incoming folder. */
  async recoverLeftovers(): Promise<void> {
    if (!(await recordingsVolumeState(this.ctx.recording.dir)).available) return;
    const dir = incomingDir(this.root, this.ctx.cameraId);
    const runs = await leftoverRuns(dir);
    for (const runId of runs) {
      const state = await readRunState(dir, runId);
      await this.finishRunFiles(dir, runId, state);
      this.ctx.log('info', 'recording leftovers indexed', { cameraId: this.ctx.cameraId, runId });
    }
    // A run that ends properly leaves nothing behind: leftovers mean its worker died mid-run.
    if (runs.length && this.lastEndMs !== null) {
      const gap = {
        reason: 'worker_died' as const,
        from: new Date(this.lastEndMs),
        detail: 'the recording worker ended without closing its run (crash or kill)',
      };
      await openGap(this.ctx.db, this.ctx.cameraId, gap.from, gap.reason, gap.detail);
      this.ctx.onGap?.(gap);
    }
  }

  /** The segment output for the next stream run, or null when this camera is not to be recorded now (and why). */
  async beginRun(): Promise<RecordingOutput | null> {
    if (!this.ctx.recording.dir) return this.notRecording('off', 'RECORDINGS_DIR is not set');
    if (!this.wish.enabled)
      return this.notRecording('off', 'recording disabled for this camera', 'recording_disabled');
    if (this.wish.pausedReason) return this.notRecording('paused', this.wish.pausedReason, 'storage_full');
    const volume = await recordingsVolumeState(this.ctx.recording.dir);
    if (volume.reason) return this.notRecording('error', volume.reason.en, 'volume_unavailable');
    // A full volume would end the run at its first write (ffmpeg then stops reading frames too): analyse without it.
    if (await this.volumeFull()) return this.notRecording('error', FULL_REASON, 'storage_full');
    const dir = incomingDir(this.root, this.ctx.cameraId);
    await mkdir(dir, { recursive: true });
    const runId = `r${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
    const state: RunState = { runId, workerId: this.ctx.workerId, anchorMs: Date.now(), previousEndMs: null };
    const run: ActiveRun = {
      state,
      dir,
      clock: null,
      done: 0,
      watcher: null,
      poll: setInterval(() => this.scan(run), POLL_MS),
      chain: Promise.resolve(),
      scanQueued: false,
    };
    // The muxer appends a line as each segment closes: watching the folder sees it at once (the poll is a fallback).
    try {
      run.watcher = watch(dir, (_event, name) => {
        if (name === `${runId}.csv`) this.scan(run);
      });
      run.watcher.on('error', () => undefined);
    } catch {
      run.watcher = null;
    }
    this.run = run;
    this.state = 'recording';
    this.reason = null;
    return {
      target: path.join(dir, segmentPattern(runId)),
      options: segmentOutputOptions(this.ctx.recording.segmentSeconds, listFileOf(dir, runId)),
    };
  }

  /** The run's first frame: the first estimate of when stream time zero was, refined as segments close. */
  firstFrame(atMs: number): void {
    const run = this.run;
    if (!run || run.clock) return;
    // Frames come out after ffmpeg has probed the stream, so this is late; the first closed segment corrects it.
    run.state.anchorMs = atMs;
    run.clock = new SegmentClock(atMs);
    run.chain = run.chain.then(() => writeRunState(run.dir, run.state)).catch(() => undefined);
  }

  /**
   * The run's ffmpeg has exited: index what it wrote (its last segment too, cut short or not), and record from when
   * and why the camera has no footage. Returns the gap's reason (null: there was no recording run).
   */
  async endRun(given: { reason: GapReason; detail: string | null }): Promise<GapReason | null> {
    const run = this.run;
    if (!run) return null;
    // ffmpeg's last words on a full volume are "Conversion failed!" or a crash (SIGSEGV), seldom "No space left".
    const full =
      given.reason !== 'worker_stopped' && given.reason !== 'recording_disabled' && (await this.volumeFull());
    // Restarted to pause for storage (the cleaner's pause): the footage stops for that reason, not a switch-off.
    const pausedForSpace =
      given.reason === 'recording_disabled' && this.wish.enabled && this.wish.pausedReason;
    const gap = full
      ? {
          reason: 'storage_full' as const,
          detail: `no space left on the recordings volume (ffmpeg: ${given.detail})`,
        }
      : pausedForSpace
        ? {
            reason: 'storage_full' as const,
            detail: `recording paused by the cleaner: ${this.wish.pausedReason}`,
          }
        : given;
    this.run = null;
    clearInterval(run.poll);
    run.watcher?.close();
    await run.chain;
    await this.finishRunFiles(
      run.dir,
      run.state.runId,
      run.clock ? { ...run.state, anchorMs: run.clock.anchor } : run.state,
      run.done,
    );
    const from = this.lastEndMs ?? run.state.anchorMs;
    await openGap(this.ctx.db, this.ctx.cameraId, new Date(from), gap.reason, gap.detail).catch(
      (error: Error) =>
        this.ctx.log('error', 'recording gap not written', {
          cameraId: this.ctx.cameraId,
          error: error.message,
        }),
    );
    // A pause has its own alarm (recording.paused, raised by the cleaner).
    if (!pausedForSpace && (gap.reason === 'write_failed' || gap.reason === 'storage_full'))
      this.ctx.onGap?.({ ...gap, from: new Date(from) });
    this.state = full ? 'error' : 'off';
    this.reason = full ? FULL_REASON : null;
    return gap.reason;
  }

  /** Not recording this run; with a gap reason, the camera's footage stops here (from its newest segment on). */
  private lagging = false;

  private behind(pending: number): void {
    this.lagging = pending > 0;
    this.ctx.onBacklog?.(pending);
  }

  private async notRecording(state: RecordingState, reason: string, gap?: GapReason): Promise<null> {
    this.state = state;
    this.reason = reason;
    if (gap) {
      const from =
        this.lastEndMs !== null
          ? new Date(this.lastEndMs)
          : ((await lastSegmentEnd(this.ctx.db, this.ctx.cameraId)) ?? new Date());
      await openGap(this.ctx.db, this.ctx.cameraId, from, gap, reason);
    }
    return null;
  }

  /** Reads the list and queues the newly closed segments; only the newest was seen closing just now. */
  private scan(run: ActiveRun): void {
    if (run.scanQueued) return;
    run.scanQueued = true;
    run.chain = run.chain
      .then(async () => {
        run.scanQueued = false;
        if (!run.clock) return;
        const listed = parseSegmentList(await readSegmentListText(run.dir, run.state.runId));
        const fresh = listed.slice(run.done);
        const seenAt = Date.now();
        if (fresh.length >= BACKLOG_ALARM_SEGMENTS) this.behind(fresh.length);
        else if (this.lagging && fresh.length <= 1) this.behind(0);
        for (const [i, segment] of fresh.entries()) {
          await this.indexListed(
            run.dir,
            run.state,
            run.clock,
            segment,
            i === fresh.length - 1 ? seenAt : undefined,
          );
          run.done += 1;
        }
      })
      .catch((error: Error) =>
        this.ctx.log('error', 'segment indexing failed', {
          cameraId: this.ctx.cameraId,
          error: error.message,
        }),
      );
  }

  private async indexListed(
    dir: string,
    state: RunState,
    clock: SegmentClock,
    segment: ListedSegment,
    seenAt?: number,
  ): Promise<void> {
    const span = clock.place(segment.startS, segment.endS, seenAt);
    const file = path.join(dir, segment.file);
    if (!(await exists(file))) return; // indexed before a restart
    const outcome = await indexSegmentFile(this.indexer, file, span, false);
    this.noteOutcome(outcome);
    state.anchorMs = clock.anchor;
    state.previousEndMs = span.endMs;
    // Only a crash aid: on a full volume it cannot be written, and the segment is indexed and moved already (failing
    // here made the next scan place it a second time and the run's end leave its files behind).
    await writeRunState(dir, state).catch((error: Error) =>
      this.ctx.log('warn', 'recording run state not saved', {
        cameraId: this.ctx.cameraId,
        error: error.message,
      }),
    );
  }

  /** Footage now ends where the indexed segment does (a segment cut short ends before its listed span). */
  private noteOutcome(outcome: Awaited<ReturnType<typeof indexSegmentFile>>): void {
    if (!outcome.indexed) return;
    this.lastEndMs = outcome.endMs;
    // The bitrate from whole segments only: a cut one's bytes over its shortened span could be any figure.
    if (outcome.interrupted) return;
    this.recent = [...this.recent, { bytes: outcome.bytes, ms: outcome.endMs - outcome.startMs }].slice(
      -BITRATE_WINDOW,
    );
  }

  /**
   * Indexes the rest of a run that is over: listed segments not yet indexed, then the segments the list never named
   * (the one a crash or kill cut short), with their readable length. Then the run's list and state go.
   */
  private async finishRunFiles(
    dir: string,
    runId: string,
    state: RunState | null,
    alreadyDone = 0,
  ): Promise<void> {
    const listed = parseSegmentList(await readSegmentListText(dir, runId));
    const files = await runSegmentFiles(dir, runId);
    const clock = state ? new SegmentClock(state.anchorMs, state.previousEndMs) : null;
    const runState: RunState = state ?? {
      runId,
      workerId: this.ctx.workerId,
      anchorMs: 0,
      previousEndMs: null,
    };
    for (const segment of listed.slice(alreadyDone)) {
      if (clock) await this.indexListed(dir, runState, clock, segment);
      else await this.indexCutShort(dir, segment.file, null);
    }
    const listedNames = new Set(listed.map((s) => s.file));
    for (const name of files.filter((f) => !listedNames.has(f))) await this.indexCutShort(dir, name, clock);
    await removeRunFiles(dir, runId);
  }

  /** A segment whose end the muxer never wrote down: its length is what a reader can decode of it. */
  private async indexCutShort(dir: string, name: string, clock: SegmentClock | null): Promise<void> {
    const file = path.join(dir, name);
    const durationS = await probeDurationS(file);
    // Unreadable: indexSegmentFile keeps it aside as a corrupt segment (or drops an empty one) over a nominal span.
    const durationMs = (durationS ?? this.ctx.recording.segmentSeconds) * 1000;
    // Without a clock state (a crash before the first frame) the file's last write is when it ended.
    const span = clock
      ? clock.follow(durationMs)
      : {
          startMs: Math.round((await stat(file)).mtimeMs - durationMs),
          endMs: Math.round((await stat(file)).mtimeMs),
        };
    const outcome = await indexSegmentFile(this.indexer, file, span, true);
    this.noteOutcome(outcome);
    if (!outcome.indexed && !outcome.empty) {
      this.ctx.onGap?.({ reason: 'corrupt_segment', from: new Date(span.startMs), detail: outcome.reason });
    }
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
