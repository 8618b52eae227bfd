// Writes predictions and stop boards to Redis (one pipeline per tick) and announces changed boards on the stop-arrivals channel.
import type { Redis } from 'ioredis';
import type { StopArrivalsMessage, TripPrediction } from '@toc/server/schemas';
import { channelNames } from '@toc/server/realtime/channel-names';

/** A board outlives a few missed ticks, then disappears so a dead worker never shows stale times. */
export const BOARD_TTL_S = 300;

export const predictionsKey = (prefix: string) => `${prefix}:bus:predictions`;
export const stopArrivalsKey = (prefix: string, feedId: number, stopId: string) =>
  `${prefix}:stop-arrivals:${feedId}:${stopId}`;

export async function publishPredictions(
  redis: Redis,
  prefix: string,
  predictions: ReadonlyMap<number, TripPrediction | null>,
  boards: ReadonlyArray<{ board: StopArrivalsMessage; publish: boolean }>,
): Promise<void> {
  if (predictions.size === 0 && boards.length === 0) return;
  const pipeline = redis.pipeline();
  const removed = [...predictions].filter(([, p]) => p === null).map(([id]) => String(id));
  const upserts = [...predictions]
    .filter(([, p]) => p !== null)
    .flatMap(([id, p]) => [String(id), JSON.stringify(p)]);
  if (removed.length > 0) pipeline.hdel(predictionsKey(prefix), ...removed);
  if (upserts.length > 0) pipeline.hset(predictionsKey(prefix), ...upserts);
  const channel = channelNames(prefix).stopArrivals;
  for (const { board, publish } of boards) {
    const json = JSON.stringify(board);
    pipeline.set(stopArrivalsKey(prefix, board.feedId, board.stopId), json, 'EX', BOARD_TTL_S);
    if (publish) pipeline.publish(channel, json);
  }
  await pipeline.exec();
}
