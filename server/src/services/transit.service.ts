// Transit feeds for the API: resolving `feed=` (name or id), admin upload and removal with an audit entry.
import type { Pool, Queryable } from '../db/pool';
import { checkGtfsFeed, GtfsFeedError, GtfsFeedExistsError, importGtfs, type ImportOptions } from '../gtfs/gtfs-import';
import { HttpError, notFound } from '../lib/http-error';
import { insertAudit } from '../repositories/audit.repository';
import { deleteFeed, feedNameTaken, findFeed } from '../repositories/transit.repository';
import type { GtfsFeed, GtfsImportReply, User } from '../schemas';

export interface Caller {
  user: User;
  ip: string | null;
}

/** null when no feed was asked for; 404 when the asked-for feed does not exist. */
export async function resolveFeed(db: Queryable, feed: string | undefined): Promise<GtfsFeed | null> {
  if (feed === undefined) return null;
  const found = await findFeed(db, feed);
  if (!found) throw notFound(`Feed ${feed}`, `ชุดข้อมูลเดินรถ ${feed}`);
  return found;
}

export async function importUploadedFeed(
  db: Pool,
  caller: Caller,
  feed: { name: string; replace: boolean },
  zip: Buffer,
  control: Pick<ImportOptions, 'signal' | 'onProgress'> = {},
): Promise<GtfsImportReply> {
  const { name } = feed;
  const result = await asHttpError(() =>
    importGtfs(db, zip, {
      name,
      sourceLabel: `upload by ${caller.user.username}`,
      ifExists: feed.replace ? 'replace' : 'refuse',
      ...control,
    }),
  );
  await insertAudit(db, {
    userId: caller.user.id,
    username: caller.user.username,
    action: 'gtfs.import',
    target: `gtfs_feed:${result.feedId}`,
    detail: { name, bytes: zip.length, counts: result.counts, replace: feed.replace },
    ip: caller.ip,
  });
  return { feedId: result.feedId, name, counts: result.counts, rejected: result.rejected };
}

/**
 * Refuses an upload that cannot be a usable feed (400), or that would replace a feed without saying so (409), before
 * any job is made for it. The import checks the name again in its transaction.
 */
export async function checkUploadedFeed(db: Queryable, feed: { name: string; replace: boolean }, zip: Buffer): Promise<void> {
  await asHttpError(async () => {
    if (!feed.replace && (await feedNameTaken(db, feed.name))) throw new GtfsFeedExistsError(feed.name);
    await checkGtfsFeed(zip, feed.name);
  });
}

/** A feed the import cannot use is the caller's 400; a name taken without `replace` is a 409. */
async function asHttpError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof GtfsFeedExistsError) throw new HttpError(409, error.message, error.messageTh);
    if (error instanceof GtfsFeedError) throw new HttpError(400, error.message, error.messageTh);
    throw error;
  }
}

export async function removeFeed(db: Pool, caller: Caller, id: number): Promise<void> {
  const removed = await deleteFeed(db, id);
  if (!removed) throw notFound(`Feed ${id}`, `ชุดข้อมูลเดินรถ ${id}`);
  await insertAudit(db, {
    userId: caller.user.id,
    username: caller.user.username,
    action: 'gtfs.delete',
    target: `gtfs_feed:${id}`,
    detail: { name: removed.name },
    ip: caller.ip,
  });
}
