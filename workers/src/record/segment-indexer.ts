// Turns one finished segment file into footage: reads and hashes it, indexes it, then moves it to its place.
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { indexSegment, recordClosedGap } from '@toc/server/repositories/recording-index.repository';
import { readSegmentFile } from './segment-file';
import { quarantineDir, segmentPath } from './segment-paths';

/** The worker's own clock, which the deployment keeps NTP-synced: what the index's times mean. */
export const CLOCK_SOURCE = 'worker system clock (NTP)';

export interface IndexerContext {
  db: pg.Pool;
  root: string;
  cameraId: number;
  workerId: string;
  log: (level: 'info' | 'warn' | 'error', message: string, detail?: Record<string, unknown>) => void;
}

export type IndexOutcome =
  | { indexed: true; bytes: number; startMs: number; endMs: number; interrupted: boolean }
  | { indexed: false; reason: string; empty: boolean };

/** A rename into a date folder the cleaner may have just removed as empty: make it again and retry once. */
async function moveInto(from: string, to: string): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true });
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(path.dirname(to), { recursive: true });
    await rename(from, to);
  }
}

/**
 * Indexes `file` (in the incoming folder) as footage from `startMs` to `endMs`. The row is written before the file
 * moves, so a crash in between leaves a row whose file is still in the incoming folder, and the restart moves it;
 * never a moved file without a row. A file that is not readable footage is kept aside and recorded as a gap.
 */
export async function indexSegmentFile(
  ctx: IndexerContext,
  file: string,
  span: { startMs: number; endMs: number },
  interrupted: boolean,
): Promise<IndexOutcome> {
  const info = await readSegmentFile(file);
  if ('corrupt' in info && info.empty) {
    await rm(file, { force: true });
    return { indexed: false, reason: info.corrupt, empty: true };
  }
  if ('corrupt' in info) {
    const { size } = await stat(file);
    await moveInto(file, path.join(quarantineDir(ctx.root, ctx.cameraId), path.basename(file)));
    await recordClosedGap(ctx.db, {
      cameraId: ctx.cameraId,
      from: new Date(span.startMs),
      to: new Date(span.endMs),
      reason: 'corrupt_segment',
      detail: `${info.corrupt} (${size} bytes kept in .quarantine/${path.basename(file)})`,
    });
    ctx.log('warn', 'corrupt segment kept aside', { cameraId: ctx.cameraId, file, reason: info.corrupt });
    return { indexed: false, reason: info.corrupt, empty: false };
  }
  // Cut short mid-fragment (the muxer still lists it with its whole span when the volume fills): footage up to its
  // last whole fragment, and marked interrupted.
  const endMs =
    info.cutShort && info.wholeS !== null
      ? Math.min(span.endMs, span.startMs + Math.max(1, Math.round(info.wholeS * 1000)))
      : span.endMs;
  const relative = segmentPath(ctx.cameraId, span.startMs);
  await indexSegment(ctx.db, {
    cameraId: ctx.cameraId,
    startedAt: new Date(span.startMs),
    endedAt: new Date(endMs),
    bytes: info.bytes,
    path: relative,
    sha256: info.sha256,
    codec: info.codec,
    width: info.width,
    height: info.height,
    initBytes: info.initBytes,
    workerId: ctx.workerId,
    clockSource: CLOCK_SOURCE,
    interrupted: interrupted || info.cutShort,
  });
  await moveInto(file, path.join(ctx.root, relative));
  return {
    indexed: true,
    bytes: info.bytes,
    startMs: span.startMs,
    endMs,
    interrupted: interrupted || info.cutShort,
  };
}
