// Timeline speed over a big index: synthetic segment rows for many cameras and days (the files are not needed to
// draw a timeline), then 24-hour timelines of random cameras and days through the real route.
import type { Pool } from '@toc/server/db/pool';
import type { RecordingConfig } from '@toc/server/recording-config';
import { percentile } from './bench-media';
import { startBenchServer } from './record-server';

export interface TimelineContext {
  db: Pool;
  recording: RecordingConfig;
  cameras: number;
  days: number;
}

const SEGMENT_S = 10;
/** A five-minute outage every six hours, so the spans and gaps are not one bar per day. */
const OUTAGE_EVERY_S = 6 * 3600;
const OUTAGE_S = 300;

/** Disabled cameras that only have an index (no worker runs them). */
async function insertIndexCameras(db: Pool, count: number): Promise<number[]> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO cameras (name, name_th, location, heading_deg, fov_deg, rtsp_url, enabled)
     SELECT 'Index camera ' || n, 'กล้องดัชนี ' || n, ST_SetSRID(ST_MakePoint(101.05, 13.70), 4326), 0, 60,
            'rtsp://127.0.0.1:1/index-' || n, false
       FROM generate_series(1, $1) AS n
     RETURNING id`,
    [count],
  );
  return rows.map((r) => r.id);
}

async function fillIndex(db: Pool, cameraIds: number[], days: number, end: Date): Promise<number> {
  const start = new Date(end.getTime() - days * 86_400_000);
  // One statement per camera keeps each transaction modest.
  for (const cameraId of cameraIds) {
    await db.query(
      `INSERT INTO recording_segments (camera_id, started_at, ended_at, bytes, path, sha256, codec, width, height, init_bytes, worker_id, clock_source)
       SELECT $1::int, t, t + make_interval(secs => $4), 1000000, $1::int || '/' || extract(epoch FROM t)::bigint || '.mp4',
              repeat('0', 64), 'avc1', 1920, 1080, 900, 'bench', 'synthetic'
         FROM generate_series($2::timestamptz, $3::timestamptz, make_interval(secs => $4)) AS t
        WHERE extract(epoch FROM t)::bigint % $5 >= $6`,
      [cameraId, start, end, SEGMENT_S, OUTAGE_EVERY_S, OUTAGE_S],
    );
    await db.query(
      `INSERT INTO recording_gaps (camera_id, started_at, ended_at, reason, detail)
       SELECT $1, t, t + make_interval(secs => $5), 'camera_offline', 'synthetic outage'
         FROM generate_series(to_timestamp(ceil(extract(epoch FROM $2::timestamptz) / $4) * $4), $3::timestamptz, make_interval(secs => $4)) AS t`,
      [cameraId, start, end, OUTAGE_EVERY_S, OUTAGE_S],
    );
  }
  await db.query('ANALYZE recording_segments');
  await db.query('ANALYZE recording_gaps');
  const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM recording_segments');
  return Number(rows[0]!.n);
}

export async function measureTimeline(
  ctx: TimelineContext,
  queries = 200,
): Promise<{ rows: number; p50Ms: number; p95Ms: number; samples: number }> {
  const end = new Date();
  const cameraIds = await insertIndexCameras(ctx.db, ctx.cameras);
  const rows = await fillIndex(ctx.db, cameraIds, ctx.days, end);
  const server = await startBenchServer(ctx.db, ctx.recording);
  try {
    const times: number[] = [];
    // A seeded walk over cameras and days, so two runs ask the same questions.
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < queries; i++) {
      const cameraId = cameraIds[Math.floor(next() * cameraIds.length)]!;
      const dayEnd = new Date(end.getTime() - Math.floor(next() * ctx.days) * 86_400_000);
      const from = new Date(dayEnd.getTime() - 86_400_000);
      const url = `${server.base}/api/recordings/${cameraId}/timeline?from=${from.toISOString()}&to=${dayEnd.toISOString()}`;
      const started = performance.now();
      const reply = await fetch(url, { headers: { authorization: `Bearer ${server.token}` } });
      await reply.arrayBuffer();
      if (i >= 10) times.push(performance.now() - started); // the first few warm the connection pool
      if (!reply.ok) throw new Error(`timeline ${reply.status}`);
    }
    return { rows, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), samples: times.length };
  } finally {
    await server.app.close();
  }
}
