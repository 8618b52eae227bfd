// Small: which service days' runs are considered around midnight (night runs past 24:00, next day's early runs).
import { describe, expect, it } from 'vitest';
import { buildFeedModel } from './build-feed-model';
import { scheduledCalls } from './stop-boards';
import { at, TEST_DATE, testFeedRows } from './test-feed.fixture';
import { instancesAround, serviceDaysAround } from './trip-instances';

// A run at 00:30 (the 50th, out-49 / back-49) besides the 06:00–22:00 runs.
const feed = buildFeedModel(testFeedRows(1, [30 * 60]));

describe('trip instances around midnight', () => {
  it('takes the previous service day at 01:30 and the next one when the window passes midnight', () => {
    expect(serviceDaysAround(feed, at(25.5 * 3600)).map((d) => d.date)).toEqual([TEST_DATE, '20250603']);
    expect(serviceDaysAround(feed, at(23 * 3600), at(25 * 3600)).map((d) => d.date)).toEqual([
      '20250601',
      TEST_DATE,
      '20250603',
    ]);
  });

  it("lists the next day's 00:30 run on a board at 23:45, and offers it to the matcher from 23:50", () => {
    const calls = scheduledCalls(feed, 'P0', at(23.75 * 3600), at(24.75 * 3600));
    expect(calls.map((c) => c.inst.key)).toEqual(['out-49|20250603']);
    expect(calls[0]!.ms).toBe(at(24.5 * 3600));
    const keys = instancesAround(
      feed,
      [...feed.trips.values()],
      at(23 * 3600 + 50 * 60),
      45 * 60,
      45 * 60,
    ).map((i) => i.key);
    expect(keys).toContain('out-49|20250603');
    expect(keys).not.toContain('out-49|20250602');
  });
});
