// GTFS uploads as jobs: one import at a time per server, under a time limit, with progress and a heartbeat in PostGIS.
import { EventEmitter, once } from 'node:events';
import type { FastifyBaseLogger } from 'fastify';
import type { Pool } from '../db/pool';
import { GtfsFeedError, type ImportProgress } from '../gtfs/gtfs-import';
import { HttpError } from '../lib/http-error';
import {
  beatImports,
  failSilentImports,
  finishImport,
  findImport,
  insertImport,
  listImports,
  markImportRunning,
} from '../repositories/gtfs-imports.repository';
import type { GtfsImportFailure, GtfsImportJob, GtfsImportProgress } from '../schemas';
import { importUploadedFeed, type Caller } from './transit.service';

export interface GtfsImportJobsContext {
  db: Pool;
  now: () => Date;
  log: FastifyBaseLogger;
  timeLimitMs: number;
  /** How often the rows this server holds are marked alive (and the running one's progress written). */
  heartbeatMs?: number;
}

/** A job not marked alive for this many heartbeats belongs to a server that died. */
const SILENT_BEATS = 10;
const LIST_LIMIT = 50;

const INTERRUPTED: GtfsImportFailure = {
  statusCode: 503,
  message: 'The server running this import stopped before it finished; nothing was changed. Upload the feed again.',
  messageTh: 'เซิร์ฟเวอร์ที่กำลังนำเข้าหยุดทำงานก่อนเสร็จ ข้อมูลเดิมไม่เปลี่ยนแปลง กรุณาอัปโหลดใหม่',
};

interface HeldImport {
  caller: Caller;
  feed: { name: string; replace: boolean };
  zip: Buffer;
  controller: AbortController;
  progress: GtfsImportProgress | null;
}

export class GtfsImportJobs {
  private readonly held = new Map<number, HeldImport>();
  private readonly finished = new EventEmitter();
  private queue: Promise<void> = Promise.resolve();
  private runningId: number | null = null;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly heartbeatMs: number;

  constructor(private readonly ctx: GtfsImportJobsContext) {
    this.heartbeatMs = ctx.heartbeatMs ?? 2000;
    this.heartbeat = setInterval(() => void this.beat(), this.heartbeatMs);
    this.heartbeat.unref();
    this.finished.setMaxListeners(0);
  }

  /** Records the upload and queues its import; the zip stays in memory only until its turn ends. */
  async submit(caller: Caller, feed: { name: string; replace: boolean }, zip: Buffer): Promise<GtfsImportJob> {
    const job = await insertImport(this.ctx.db, {
      feedName: feed.name,
      replace: feed.replace,
      bytes: zip.length,
      userId: caller.user.id,
      username: caller.user.username,
      at: this.ctx.now(),
    });
    this.held.set(job.id, { caller, feed, zip, controller: new AbortController(), progress: null });
    this.queue = this.queue.then(() => this.run(job.id));
    return job;
  }

  /** The job once it has finished, or as it stands after `ms`. */
  async wait(id: number, ms: number): Promise<GtfsImportJob | null> {
    if (this.held.has(id) && ms > 0) {
      await once(this.finished, String(id), { signal: AbortSignal.timeout(ms) }).catch(() => undefined);
    }
    return this.find(id);
  }

  async find(id: number): Promise<GtfsImportJob | null> {
    await this.failSilent();
    return findImport(this.ctx.db, id);
  }

  async list(): Promise<GtfsImportJob[]> {
    await this.failSilent();
    return listImports(this.ctx.db, LIST_LIMIT);
  }

  /** Stops what runs (its transaction rolls back), fails what waits, and waits for the queue to settle. */
  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    for (const held of this.held.values()) held.controller.abort(interruptedError());
    await this.queue;
  }

  private async run(id: number): Promise<void> {
    const held = this.held.get(id);
    if (!held) return;
    const { db, now, log, timeLimitMs } = this.ctx;
    const limit = setTimeout(() => held.controller.abort(timeLimitError(timeLimitMs)), timeLimitMs);
    this.runningId = id;
    try {
      if (held.controller.signal.aborted) throw held.controller.signal.reason;
      await markImportRunning(db, id, now());
      const report = await importUploadedFeed(db, held.caller, held.feed, held.zip, {
        signal: held.controller.signal,
        onProgress: (progress: ImportProgress) => {
          held.progress = { file: progress.file, rows: progress.rows, rejected: progress.rejected, elapsedMs: progress.elapsedMs };
        },
      });
      await finishImport(db, id, now(), { report }, held.progress);
    } catch (error) {
      const failure = failureOf(error, held.controller.signal);
      if (failure.statusCode === 500) log.error({ err: error, importId: id }, 'GTFS import failed');
      else log.info({ importId: id, reason: failure.message }, 'GTFS import refused or stopped');
      await finishImport(db, id, now(), { error: failure }, held.progress).catch((err) =>
        log.error({ err, importId: id }, 'GTFS import outcome not recorded'),
      );
    } finally {
      clearTimeout(limit);
      this.runningId = null;
      this.held.delete(id);
      this.finished.emit(String(id));
    }
  }

  private async beat(): Promise<void> {
    if (this.held.size === 0) return;
    const running = this.runningId === null ? undefined : this.held.get(this.runningId);
    await beatImports(
      this.ctx.db,
      [...this.held.keys()],
      this.ctx.now(),
      running?.progress && this.runningId !== null ? { id: this.runningId, progress: running.progress } : undefined,
    ).catch((err) => this.ctx.log.warn({ err }, 'GTFS import heartbeat not written'));
  }

  private async failSilent(): Promise<void> {
    const at = this.ctx.now();
    await failSilentImports(this.ctx.db, new Date(at.getTime() - SILENT_BEATS * this.heartbeatMs), at, INTERRUPTED);
  }
}

/** Why a job was stopped from outside: the reason the import throws between rows, and the job's failure. */
class ImportStopped extends GtfsFeedError {
  constructor(readonly failure: GtfsImportFailure) {
    super(failure.message, failure.messageTh);
  }
}

function timeLimitError(ms: number): ImportStopped {
  const seconds = Number((ms / 1000).toFixed(3));
  return new ImportStopped({
    statusCode: 400,
    message: `The import took longer than ${seconds} s and was stopped; nothing was changed`,
    messageTh: `การนำเข้าใช้เวลานานเกิน ${seconds} วินาทีจึงถูกหยุด ข้อมูลเดิมไม่เปลี่ยนแปลง`,
  });
}

const interruptedError = () => new ImportStopped(INTERRUPTED);

/** The status and reason the upload would have answered had it waited for the import. */
function failureOf(error: unknown, signal: AbortSignal): GtfsImportFailure {
  // The import turns every feed error into a 400; a stop from outside keeps its own status.
  if (signal.aborted && signal.reason instanceof ImportStopped) return signal.reason.failure;
  if (error instanceof HttpError) return { statusCode: error.statusCode, message: error.message, messageTh: error.messageTh };
  return { statusCode: 500, message: 'Internal error', messageTh: 'เกิดข้อผิดพลาดภายในระบบ' };
}
