// The export job's steps on the request: start (approved → exporting), progress, done (package recorded → ready) and
// failure (→ export_failed with the reason), each with its history and audit row, announced after commit.
import type pg from 'pg';
import type { Redis } from 'ioredis';
import { withTransaction } from '@toc/server/db/transaction';
import {
  findRequest,
  insertPackage,
  setExportProgress,
  setStatus,
  type StoredRequest,
} from '@toc/server/repositories/footage-requests.repository';
import { announceChange, recordStep } from '@toc/server/services/footage-requests/request-steps';
import { nextStatus } from '@toc/server/services/footage-requests/request-workflow';
import type { FootageRequestStatus } from '@toc/server/schemas';
import type { RequestJobs } from '@toc/server/services/footage-requests/request-context';
import type { ChannelNames } from '@toc/server/realtime/channel-names';

interface StepContext {
  db: pg.Pool;
  redis: Redis;
  channels: ChannelNames;
  jobs: RequestJobs;
  now: () => Date;
}

const system = (at: Date) => ({ user: null, client: null, at });

/** Progress goes to the sockets only; a step also to the station's channels. */
async function announce(
  ctx: StepContext,
  request: StoredRequest,
  status: FootageRequestStatus,
  progress: number | null,
  step?: { note?: string | null },
) {
  await announceChange(
    ctx,
    { id: request.id, reference: request.reference, station: request.station, status, exportProgress: progress },
    step ? { at: ctx.now(), note: step.note ?? null } : undefined,
  );
}

/** Takes the request into "exporting"; null when it is not waiting for an export (a stale or repeated job). */
export async function startExport(ctx: StepContext, requestId: number): Promise<StoredRequest | null> {
  const request = await withTransaction(ctx.db, async (tx) => {
    const request = await findRequest(tx, requestId, true);
    if (!request) return null;
    const next = nextStatus(request.status, 'export-start');
    if (typeof next !== 'string') return null;
    const at = ctx.now();
    await setStatus(tx, requestId, next, at);
    await recordStep(tx, system(at), {
      requestId,
      reference: request.reference,
      status: next,
      action: 'footage-request.export-start',
    });
    return { ...request, status: next };
  });
  if (request) await announce(ctx, request, 'exporting', 0, {});
  return request;
}

export async function reportProgress(
  ctx: StepContext,
  request: StoredRequest,
  fraction: number,
): Promise<void> {
  await setExportProgress(ctx.db, request.id, fraction);
  await announce(ctx, request, 'exporting', fraction);
}

export interface BuiltPackage {
  id: string;
  /** Relative to the packages folder. */
  path: string;
  bytes: number;
  sha256: string;
  manifestSha256: string;
  keyFingerprint: string;
}

export async function finishExport(
  ctx: StepContext,
  request: StoredRequest,
  pkg: BuiltPackage,
): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    const at = ctx.now();
    await insertPackage(tx, { ...pkg, requestId: request.id, at });
    await setStatus(tx, request.id, 'ready', at);
    await recordStep(tx, system(at), {
      requestId: request.id,
      reference: request.reference,
      status: 'ready',
      action: 'footage-request.export-done',
      detail: { packageId: pkg.id, sha256: pkg.sha256, manifestSha256: pkg.manifestSha256, bytes: pkg.bytes },
    });
  });
  await announce(ctx, request, 'ready', 1, {});
}

export async function failExport(
  ctx: StepContext,
  request: StoredRequest,
  reason: { message: string; messageTh: string },
): Promise<void> {
  const text = `${reason.message} / ${reason.messageTh}`;
  await withTransaction(ctx.db, async (tx) => {
    const at = ctx.now();
    await setStatus(tx, request.id, 'export_failed', at, { exportError: text });
    await recordStep(tx, system(at), {
      requestId: request.id,
      reference: request.reference,
      status: 'export_failed',
      action: 'footage-request.export-failed',
      note: text,
    });
  });
  await announce(ctx, request, 'export_failed', null, { note: text });
}
