// Medium: GTFS uploads run as jobs: a slow import answers 202 and is followed to its report, the time limit stops an
// import and keeps the old feed, and an import whose server stopped (closed, or died silently) says so.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import type { Config } from '../src/config';
import { insertImport, markImportRunning } from '../src/repositories/gtfs-imports.repository';
import type { GtfsImportJob } from '../src/schemas';
import { roleTokens } from './role-tokens';
import { createTestSchema, testConfig } from './test-env';

let schema: Awaited<ReturnType<typeof createTestSchema>>;
let caltrain: Buffer;
const apps: FastifyInstance[] = [];

beforeAll(async () => {
  schema = await createTestSchema();
  const { sharedDir } = testConfig(schema.databaseUrl);
  caltrain = await readFile(path.join(sharedDir, 'data', 'gtfs', 'caltrain_20160406_gtfs.zip'));
});

afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

afterAll(async () => {
  await schema?.drop();
});

async function adminApp(overrides: Partial<Config>) {
  const app = await buildApp(testConfig(schema.databaseUrl, { queuePrefix: schema.schema, ...overrides }));
  apps.push(app);
  const { admin } = await roleTokens(app, ['admin']);
  const headers = { authorization: `Bearer ${admin}` };
  const upload = (name: string, replace = false) =>
    app.inject({
      method: 'POST',
      url: `/api/transit/feeds?name=${name}&replace=${replace}`,
      headers: { ...headers, 'content-type': 'application/zip' },
      payload: caltrain,
    });
  const job = async (url: string) => (await app.inject({ url, headers })).json<GtfsImportJob>();
  return { app, headers, upload, job };
}

const stopsOf = async (app: FastifyInstance, name: string) =>
  (
    await app.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM gtfs_stops s JOIN gtfs_feeds f ON f.id = s.feed_id WHERE f.name = $1',
      [name],
    )
  ).rows[0]!.n;

/** The feed's row as the import leaves it: a replacement that went through changes imported_at and counts. */
const feedRow = async (app: FastifyInstance, name: string) =>
  (await app.db.query('SELECT id, imported_at, counts FROM gtfs_feeds WHERE name = $1', [name])).rows[0] ?? null;

/** Follows a job until it leaves the queue; each look is one request, as an admin's page would poll. */
async function settled(look: () => Promise<GtfsImportJob>): Promise<{ last: GtfsImportJob; seen: GtfsImportJob[] }> {
  const seen: GtfsImportJob[] = [];
  for (;;) {
    const job = await look();
    seen.push(job);
    if (job.status === 'done' || job.status === 'failed') return { last: job, seen };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('GTFS import jobs', () => {
  it('answer 202 for an import that outlasts the wait, and its Location follows it to the report', async () => {
    const { upload, job, headers, app } = await adminApp({ gtfsImportWaitSeconds: 0 });
    const accepted = await upload('slow');
    expect(accepted.statusCode).toBe(202);
    const location = accepted.headers.location as string;
    expect(location).toMatch(/^\/api\/transit\/feeds\/imports\/\d+$/);
    expect(accepted.json()).toMatchObject({ feedName: 'slow', status: expect.stringMatching(/^(queued|running)$/), report: null });

    const { last } = await settled(() => job(location));
    expect(last.status).toBe('done');
    expect(last.report).toMatchObject({ name: 'slow', counts: expect.objectContaining({ stops: 95 }) });
    // The last file read and its rows: what a progress bar shows while it runs.
    expect(last.progress).toMatchObject({ file: expect.stringMatching(/\.txt$/), rows: expect.any(Number) });
    expect(last.startedAt).not.toBeNull();
    expect(last.finishedAt).not.toBeNull();
    expect(await stopsOf(app, 'slow')).toBe(95);

    const list = (await app.inject({ url: '/api/transit/feeds/imports', headers })).json<GtfsImportJob[]>();
    expect(list[0]).toMatchObject({ id: last.id, status: 'done', username: 'admin' });
  });

  it('stop an import past its time limit, roll it back, and say why in both languages', async () => {
    const quick = await adminApp({ gtfsImportWaitSeconds: 600 });
    expect((await quick.upload('limited')).statusCode).toBe(200);
    await quick.app.close();

    const { upload, app, job, headers } = await adminApp({ gtfsImportTimeLimitSeconds: 0.001, gtfsImportWaitSeconds: 600 });
    const before = await feedRow(app, 'limited');
    const stopped = await upload('limited', true);
    expect(stopped.statusCode).toBe(400);
    expect(stopped.json()).toMatchObject({
      message: 'The import took longer than 0.001 s and was stopped; nothing was changed',
      messageTh: expect.stringMatching(/นานเกิน 0\.001 วินาที/),
    });
    expect(await feedRow(app, 'limited')).toEqual(before);
    const [latest] = (await app.inject({ url: '/api/transit/feeds/imports', headers })).json<GtfsImportJob[]>();
    expect(await job(`/api/transit/feeds/imports/${latest!.id}`)).toMatchObject({
      status: 'failed',
      error: { statusCode: 400, message: expect.stringMatching(/took longer/) },
      report: null,
    });
  });

  it('fail the import of a server that is closed, keeping the old feed', async () => {
    const { upload, app } = await adminApp({ gtfsImportWaitSeconds: 0 });
    const accepted = await upload('closing');
    expect(accepted.statusCode).toBe(202);
    const id = accepted.json<GtfsImportJob>().id;
    await app.close();
    apps.splice(apps.indexOf(app), 1);

    const next = await adminApp({});
    expect(await next.job(`/api/transit/feeds/imports/${id}`)).toMatchObject({
      status: 'failed',
      error: { statusCode: 503, messageTh: expect.stringMatching(/หยุดทำงาน/) },
    });
    expect(await feedRow(next.app, 'closing')).toBeNull();
  });

  it('fail an import whose server went silent, with the reason', async () => {
    const { app, job } = await adminApp({});
    const now = app.now();
    const admin = (await app.db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'admin'`)).rows[0]!;
    const hourAgo = new Date(now.getTime() - 3_600_000);
    const silent = await insertImport(app.db, { feedName: 'ghost', replace: false, bytes: 1000, userId: admin.id, username: 'admin', at: hourAgo });
    await markImportRunning(app.db, silent.id, hourAgo);
    const seen = await job(`/api/transit/feeds/imports/${silent.id}`);
    expect(seen).toMatchObject({ status: 'failed', error: { statusCode: 503, message: expect.stringMatching(/stopped before it finished/) } });
    expect(seen.finishedAt).not.toBeNull();
  });
});
