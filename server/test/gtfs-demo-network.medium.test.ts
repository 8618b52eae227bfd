// Medium: the generated Chachoengsao demo feed imports with no rejected row, its shapes follow the real major roads,
// its stops are 600–1500 m apart on the route, named in Thai and English, and each bus's block chains its trips.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../src/db/migrate';
import { createPool, type Pool } from '../src/db/pool';
import { loadConfig } from '../src/config';
import { importGtfs, type ImportResult } from '../src/gtfs/gtfs-import';
import {
  buildDemoNetwork,
  DEMO_FEED_NAME,
  type DemoNetworkSummary,
} from '../src/gtfs/demo-network/build-demo-network';
import { ROADS_FILE } from '../src/gtfs/demo-network/route-paths';
import { createTestSchema } from './test-env';

const sharedDir = loadConfig({ ...process.env, DATABASE_URL: 'postgres://unused' }).sharedDir;
let db: Pool;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let outDir: string;
let summary: DemoNetworkSummary;
let imported: ImportResult;

beforeAll(async () => {
  schema = await createTestSchema();
  db = createPool(schema.databaseUrl, 2);
  await applyMigrations(db);
  outDir = await mkdtemp(path.join(os.tmpdir(), 'toc-demo-gtfs-'));
  summary = await buildDemoNetwork(sharedDir, outDir);
  imported = await importGtfs(db, outDir, { name: DEMO_FEED_NAME });
});

afterAll(async () => {
  await db?.end();
  await schema?.drop();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('Chachoengsao demo network', () => {
  it('imports with zero rejected rows: 4 routes both ways, Thai names with English translations', async () => {
    expect(imported.rejected).toEqual([]);
    expect(imported.counts).toMatchObject({ routes: 4, shapes: 8, rejected: 0, tripsWithoutShape: 0 });
    expect(imported.counts.stops).toBe(summary.stops);
    const { rows } = await db.query<{ name: string; th: string | null; en: string | null }>(
      `SELECT name, translations->>'th' AS th, translations->>'en' AS en FROM gtfs_stops WHERE feed_id = $1`,
      [imported.feedId],
    );
    expect(
      rows.every(
        (r) => r.th === r.name && /[\u0E00-\u0E7F]/.test(r.name) && r.en && !/[\u0E00-\u0E7F]/.test(r.en),
      ),
    ).toBe(true);
    expect(rows.map((r) => r.en)).toEqual(
      expect.arrayContaining([
        'Chachoengsao Railway Station',
        'Wat Sothon Wararam Worawihan',
        'Phanom Sarakham',
      ]),
    );
    const feed = await db.query(`SELECT timezone FROM gtfs_feeds WHERE id = $1`, [imported.feedId]);
    expect(feed.rows[0]).toEqual({ timezone: 'Asia/Bangkok' });
  });

  it('keeps every shape on the road lines (only the short links across gaps in the simplified data leave them)', async () => {
    const roads = JSON.parse(await readFile(path.join(sharedDir, ROADS_FILE), 'utf8')) as {
      features: Array<{ geometry: unknown }>;
    };
    await db.query(
      'CREATE TABLE demo_network_roads AS SELECT ST_SetSRID(ST_GeomFromGeoJSON(g), 4326) AS geom FROM unnest($1::text[]) g',
      [roads.features.map((f) => JSON.stringify(f.geometry))],
    );
    // Points every ≤ 50 m along each shape, and how far each is from the nearest road line.
    const { rows } = await db.query<{ shape_id: string; near: number; total: number; worst: number }>(
      `WITH samples AS (
         SELECT s.shape_id, (ST_DumpPoints(ST_Segmentize(s.geom::geography, 50)::geometry)).geom AS p
           FROM gtfs_shapes s WHERE s.feed_id = $1
       ), distances AS (
         SELECT shape_id, (SELECT min(ST_Distance(p::geography, r.geom::geography)) FROM demo_network_roads r WHERE ST_DWithin(r.geom, p, 0.02)) AS d
           FROM samples
       )
       SELECT shape_id, count(*) FILTER (WHERE d <= 60)::int AS near, count(*)::int AS total, max(d) AS worst
         FROM distances GROUP BY shape_id ORDER BY shape_id`,
      [imported.feedId],
    );
    expect(rows).toHaveLength(8);
    // In town the simplified lines break at most junctions, so the short city route has the most linking.
    const near = rows.reduce((sum, r) => sum + r.near, 0);
    const total = rows.reduce((sum, r) => sum + r.total, 0);
    expect(near / total).toBeGreaterThanOrEqual(0.95);
    for (const shape of rows) {
      expect(shape.near / shape.total, shape.shape_id).toBeGreaterThanOrEqual(0.85);
      // Gap links are at most 700 m long, so no point is more than half of that from a road.
      expect(shape.worst, shape.shape_id).toBeLessThanOrEqual(360);
    }
  });

  it('places stops on the route, 600–1500 m apart along it (shared stops may shift a little)', async () => {
    const { rows } = await db.query<{ trip_id: string; gap: number; off: number }>(
      `SELECT st.trip_id, st.shape_dist_m - lag(st.shape_dist_m) OVER w AS gap,
              ST_Distance(s.location::geography, sh.geom::geography) AS off
         FROM gtfs_stop_times st
         JOIN gtfs_trips t USING (feed_id, trip_id)
         JOIN gtfs_shapes sh ON sh.feed_id = t.feed_id AND sh.shape_id = t.shape_id
         JOIN gtfs_stops s ON s.feed_id = st.feed_id AND s.stop_id = st.stop_id
        WHERE st.feed_id = $1
       WINDOW w AS (PARTITION BY st.trip_id ORDER BY st.stop_sequence)`,
      [imported.feedId],
    );
    const gaps = rows.filter((r) => r.gap !== null).map((r) => r.gap);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(450);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(1500);
    expect(Math.max(...rows.map((r) => r.off))).toBeLessThanOrEqual(160);
  });

  it('runs around the clock (hourly at night, as times past 24:00) and chains each block: a bus leaves from where its last trip ended, after it arrived', async () => {
    const { rows } = await db.query<{
      route_id: string;
      block_id: string;
      trip_id: string;
      first_stop: string;
      last_stop: string;
      start_s: number;
      end_s: number;
    }>(
      `SELECT t.route_id, t.block_id, t.trip_id,
              (array_agg(st.stop_id ORDER BY st.stop_sequence))[1] AS first_stop,
              (array_agg(st.stop_id ORDER BY st.stop_sequence DESC))[1] AS last_stop,
              min(st.departure_s) AS start_s, max(st.arrival_s) AS end_s
         FROM gtfs_trips t JOIN gtfs_stop_times st USING (feed_id, trip_id)
        WHERE t.feed_id = $1
        GROUP BY t.route_id, t.block_id, t.trip_id
        ORDER BY t.block_id, start_s`,
      [imported.feedId],
    );
    expect(Math.min(...rows.map((r) => r.start_s))).toBe(5 * 3600 + 30 * 60);
    // The night service ends before the next day's first departures at 05:30 (29:30 on this service day).
    expect(Math.max(...rows.map((r) => r.start_s))).toBeLessThan(29 * 3600 + 30 * 60);
    // …and its last runs end after them: there is no moment without a bus on the road.
    expect(Math.max(...rows.map((r) => r.end_s))).toBeGreaterThan(29 * 3600 + 30 * 60);
    // Every route leaves both ends in every hour of the clock (the demo shows buses at any time).
    for (const route of new Set(rows.map((r) => r.route_id))) {
      for (const end of new Set(rows.filter((r) => r.route_id === route).map((r) => r.first_stop))) {
        const hours = new Set(
          rows
            .filter((r) => r.route_id === route && r.first_stop === end)
            .map((r) => Math.floor(r.start_s / 3600) % 24),
        );
        expect(hours.size, `${route} from ${end}`).toBe(24);
      }
    }
    for (let i = 1; i < rows.length; i++) {
      if (rows[i]!.block_id !== rows[i - 1]!.block_id) continue;
      expect(rows[i]!.first_stop, rows[i]!.trip_id).toBe(rows[i - 1]!.last_stop);
      expect(rows[i]!.start_s - rows[i - 1]!.end_s, rows[i]!.trip_id).toBeGreaterThanOrEqual(6 * 60);
    }
    expect(summary.blocks).toBe(new Set(rows.map((r) => r.block_id)).size);
  });
});
