// Medium: the crash upload API on the real server and PostGIS — an admin uploads the real 2012 DOH table and gets the
// counts and rejected rows, audited; a file with an unmappable header answers 400 in English and Thai and imports
// nothing; planners list the imports; other roles are refused.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import type { CrashImport, CrashImportReport, Role } from '../src/schemas';
import { startCrashApp, type CrashApp } from './crash-data';

let app: FastifyInstance;
let server: CrashApp;
let tokens: Record<Role, string>;
let doh2012: Buffer;

const upload = (role: Role, name: string, body: Buffer, type = 'text/csv') =>
  app.inject({
    method: 'POST',
    url: `/api/crash-imports?name=${encodeURIComponent(name)}`,
    headers: { authorization: `Bearer ${tokens[role]}`, 'content-type': type },
    payload: body,
  });

beforeAll(async () => {
  server = await startCrashApp({ crashes: false });
  ({ app, tokens } = server);
  const shared = loadConfig({ ...process.env, DATABASE_URL: 'postgres://unused' }).sharedDir;
  doh2012 = await readFile(path.join(shared, 'data', 'accidents', 'doh_highway_accidents_2012_national.csv'));
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe('crash uploads', () => {
  it('imports the 2012 table for an admin, with the rejected rows by line, and audits it', async () => {
    const reply = await upload('admin', 'doh-2012.csv', doh2012);
    expect(reply.statusCode, reply.body).toBe(200);
    const report = reply.json<CrashImportReport>();
    expect(report.source).toBe('doh_csv');
    expect(report.counts.read).toBe(3003);
    expect(report.counts.added).toBe(3003 - report.counts.rejected);
    expect(report.rejections.every((r) => r.line > 1 && r.reason && r.reasonTh)).toBe(true);
    const { rows } = await app.db.query(
      `SELECT username, detail FROM audit_log WHERE action = 'crashes.import'`,
    );
    expect(rows).toEqual([
      expect.objectContaining({
        username: 'admin',
        detail: expect.objectContaining({ file: 'doh-2012.csv' }),
      }),
    ]);
  }, 60_000);

  it('answers 400 in English and Thai for a header it cannot map, and imports nothing', async () => {
    const broken = Buffer.from(doh2012.toString('utf8').replace('วันที่เกิดเหตุ', 'วันที่'));
    const before = await app.db.query('SELECT count(*)::int AS n FROM crashes');
    const reply = await upload('admin', 'renamed.csv', broken);
    expect(reply.statusCode).toBe(400);
    expect(reply.json()).toMatchObject({
      message: expect.stringMatching(/วันที่เกิดเหตุ/),
      messageTh: expect.any(String),
    });
    expect((await app.db.query('SELECT count(*)::int AS n FROM crashes')).rows).toEqual(before.rows);
  });

  it('refuses an empty body and a name that is not a crash file', async () => {
    expect((await upload('admin', 'empty.csv', Buffer.alloc(0))).statusCode).toBe(400);
    expect((await upload('admin', 'crashes.exe', doh2012)).statusCode).toBe(400);
  });

  it('lets planners list the imports, and refuses uploads to every role but admin', async () => {
    const list = await app.inject({
      method: 'GET',
      url: '/api/crash-imports',
      headers: { authorization: `Bearer ${tokens.planner}` },
    });
    expect(list.statusCode).toBe(200);
    const imports = list.json<CrashImport[]>();
    // The refused file left nothing behind, not even an import row.
    expect(imports.map((i) => [i.fileName, i.status])).toEqual([['doh-2012.csv', 'done']]);
    for (const role of ['operator', 'police', 'planner', 'viewer'] as const)
      expect((await upload(role, 'doh-2012.csv', doh2012)).statusCode, role).toBe(403);
  });
});
