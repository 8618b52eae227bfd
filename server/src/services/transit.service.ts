// Transit feeds for the API: resolving `feed=` (name or id), admin upload and removal with an audit entry.
import type { Pool, Queryable } from '../db/pool';
import { GtfsFeedError, GtfsFeedExistsError, importGtfs } from '../gtfs/gtfs-import';
import { HttpError, notFound } from '../lib/http-error';
import { insertAudit } from '../repositories/audit.repository';
import { deleteFeed, findFeed } from '../repositories/transit.repository';
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

/** "minLon,minLat,maxLon,maxLat" → numbers, refusing boxes that are inside out or off the globe. */
export function parseBbox(bbox: string | undefined): [number, number, number, number] | null {
  if (bbox === undefined) return null;
  const [minLon, minLat, maxLon, maxLat] = bbox.split(',').map(Number) as [number, number, number, number];
  const valid =
    minLon >= -180 && maxLon <= 180 && minLat >= -90 && maxLat <= 90 && minLon < maxLon && minLat < maxLat;
  if (!valid)
    throw new HttpError(
      400,
      'bbox must be minLon,minLat,maxLon,maxLat with min < max',
      'bbox ต้องเป็น minLon,minLat,maxLon,maxLat โดยค่าต่ำสุดน้อยกว่าค่าสูงสุด',
    );
  return [minLon, minLat, maxLon, maxLat];
}

export async function importUploadedFeed(
  db: Pool,
  caller: Caller,
  feed: { name: string; replace: boolean },
  zip: Buffer,
): Promise<GtfsImportReply> {
  const { name } = feed;
  try {
    const result = await importGtfs(db, zip, {
      name,
      sourceLabel: `upload by ${caller.user.username}`,
      ifExists: feed.replace ? 'replace' : 'refuse',
    });
    await insertAudit(db, {
      userId: caller.user.id,
      username: caller.user.username,
      action: 'gtfs.import',
      target: `gtfs_feed:${result.feedId}`,
      detail: { name, bytes: zip.length, counts: result.counts, replace: feed.replace },
      ip: caller.ip,
    });
    return { feedId: result.feedId, name, counts: result.counts, rejected: result.rejected };
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
