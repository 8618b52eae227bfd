// Next arrivals at a stop: the transit engine's live board from Redis, else the timetable read from PostGIS.
import type { Redis } from 'ioredis';
import type { Queryable } from '../db/pool';
import { HttpError, notFound } from '../lib/http-error';
import {
  findArrivalStops,
  scheduledStopArrivals,
  type ArrivalStop,
} from '../repositories/arrivals.repository';
import type { StopArrivalsMessage } from '../schemas';

/** As many as a sign shows, from the timetable's next three hours. */
const BOARD_CAP = 10;
const SCHEDULE_WINDOW_MS = 3 * 3600_000;

export async function resolveStop(
  db: Queryable,
  stopId: string,
  feedId: number | undefined,
): Promise<ArrivalStop> {
  const stops = await findArrivalStops(db, stopId, feedId);
  if (stops.length === 0) throw notFound('Stop', 'ป้ายรถโดยสาร');
  if (stops.length > 1)
    throw new HttpError(
      400,
      'Several feeds have this stop id: add ?feed=<feed id>',
      'มีหลายชุดข้อมูลที่ใช้รหัสป้ายนี้ กรุณาระบุ ?feed=<รหัสชุดข้อมูล>',
    );
  return stops[0]!;
}

export async function stopArrivals(
  ctx: { db: Queryable; redis: Redis; queuePrefix: string },
  stop: ArrivalStop,
  now = new Date(),
): Promise<StopArrivalsMessage> {
  const live = await ctx.redis.get(`${ctx.queuePrefix}:stop-arrivals:${stop.feedId}:${stop.stopId}`);
  if (live) {
    const board = JSON.parse(live) as StopArrivalsMessage;
    if (board.arrivals.length > 0) return board;
  }
  const arrivals = await scheduledStopArrivals(
    ctx.db,
    stop.feedId,
    stop.stopId,
    now,
    new Date(now.getTime() + SCHEDULE_WINDOW_MS),
    BOARD_CAP,
  );
  return { feedId: stop.feedId, stopId: stop.stopId, at: now.toISOString(), arrivals };
}
