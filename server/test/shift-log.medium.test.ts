// Medium: the shift log and the day's summary on real PostGIS. Only the control room (admin, operator) may read or
// write them; every entry is audited and can be neither changed nor deleted; the summary counts one Bangkok day's
// alarms (23:50 belongs to that day, 00:10 to the next) by type, status, severity and district, with the time to
// acknowledge.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../src/app';
import { REPO_ROOT } from '../src/config';
import { upsertVillage } from '../src/repositories/places.repository';
import { ALL_ROLES } from '../src/plugins/types';
import type { Role, ShiftLogEntry, ShiftLogPage, ShiftSummary } from '../src/schemas';
import { createTestSchema, roleTokens, testConfig } from './test-env';

/** The server's clock: 09:00 on 14 March 2031 in Bangkok, so "today" there is 2031-03-14. */
const NOW = new Date('2031-03-14T02:00:00Z');
const DAY = '2031-03-13';

let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let tokens: Record<Role, string>;

beforeAll(async () => {
  schema = await createTestSchema();
  // No sub-district file: the only places are the ones this test adds, so the districts are known.
  app = await buildApp(
    testConfig(schema.databaseUrl, { sharedDir: path.join(REPO_ROOT, '.no-shared-data-here') }),
    {
      now: () => NOW,
    },
  );
  await app.ready();
  tokens = await roleTokens(app, ALL_ROLES);
});

afterAll(async () => {
  await app?.close();
  await schema?.drop();
});

const as = (role: Role | null, request: InjectOptions) =>
  app.inject({
    ...request,
    headers: { ...request.headers, ...(role ? { authorization: `Bearer ${tokens[role]}` } : {}) },
  });

const addEntry = (role: Role, payload: object) =>
  as(role, { method: 'POST', url: '/api/shift-log', payload });

const countRows = async (table: 'shift_log' | 'audit_log') =>
  (await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

/** An event row as the pipeline and the operators would have left it. */
async function insertEvent(fields: {
  type: string;
  severity?: string;
  status?: string;
  startedAt: string;
  ackAfterS?: number;
  at?: { lon: number; lat: number };
  escalated?: boolean;
  occurrences?: number;
}): Promise<number> {
  const { rows } = await app.db.query<{ id: number }>(
    `INSERT INTO events (type, severity, status, location, started_at, last_raised_at, acknowledged_at, escalated_at, occurrences)
     VALUES ($1, $2, $3, CASE WHEN $4::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($4, $5), 4326) END,
             $6, $6, $6::timestamptz + make_interval(secs => $7), CASE WHEN $8 THEN $6::timestamptz + interval '5 minutes' END, $9)
     RETURNING id`,
    [
      fields.type,
      fields.severity ?? 'high',
      fields.status ?? 'open',
      fields.at?.lon ?? null,
      fields.at?.lat ?? null,
      fields.startedAt,
      fields.ackAfterS ?? null,
      fields.escalated ?? false,
      fields.occurrences ?? 1,
    ],
  );
  return rows[0]!.id;
}

describe('shift log: who may use it', () => {
  it('is for admins and operators; viewers, police and planners are refused, strangers asked to sign in', async () => {
    const requests: InjectOptions[] = [
      { method: 'GET', url: '/api/shift-log' },
      { method: 'POST', url: '/api/shift-log', payload: { kind: 'note', body: 'ไม่ควรถูกบันทึก' } },
      { method: 'GET', url: '/api/shift/summary' },
    ];
    const before = await countRows('shift_log');
    for (const request of requests) {
      for (const role of ['viewer', 'police', 'planner'] as const) {
        expect((await as(role, request)).statusCode, `${role} ${request.method} ${request.url}`).toBe(403);
      }
      expect((await as(null, request)).statusCode, `anonymous ${request.method} ${request.url}`).toBe(401);
    }
    expect(await countRows('shift_log')).toBe(before);
    for (const role of ['admin', 'operator'] as const) {
      expect((await as(role, { method: 'GET', url: '/api/shift-log' })).statusCode).toBe(200);
      expect((await as(role, { method: 'GET', url: '/api/shift/summary' })).statusCode).toBe(200);
    }
  });
});

describe('shift log: entries', () => {
  it('adds a handover note by the signed-in operator, about an alarm, with an audit row', async () => {
    const eventId = await insertEvent({ type: 'traffic.accident', startedAt: '2031-02-01T01:00:00Z' });
    const auditBefore = await countRows('audit_log');
    const reply = await addEntry('operator', {
      kind: 'handover',
      body: 'ส่งเวร: อุบัติเหตุที่แยกบางปะกงยังไม่เคลียร์ / Handover: Bang Pakong junction crash not cleared',
      eventId,
    });
    expect(reply.statusCode, reply.body).toBe(201);
    const entry = reply.json<ShiftLogEntry>();
    expect(entry).toMatchObject({ kind: 'handover', eventId, username: 'operator', displayName: 'operator' });
    expect(entry.body).toContain('ส่งเวร');

    expect(await countRows('audit_log')).toBe(auditBefore + 1);
    const { rows } = await app.db.query<{
      username: string;
      action: string;
      detail: Record<string, unknown>;
    }>('SELECT username, action, detail FROM audit_log WHERE target = $1', [`shift-log:${entry.id}`]);
    expect(rows).toEqual([
      {
        username: 'operator',
        action: 'shift-log.add',
        detail: expect.objectContaining({ kind: 'handover', eventId }),
      },
    ]);
  });

  it('refuses an alarm that does not exist with a reason in Thai and English, writing nothing', async () => {
    const [entries, audits] = [await countRows('shift_log'), await countRows('audit_log')];
    const reply = await addEntry('operator', { kind: 'note', body: 'about nothing', eventId: 999_999 });
    expect(reply.statusCode).toBe(400);
    const { message, messageTh } = reply.json<{ message: string; messageTh: string }>();
    expect(message).toContain('999999');
    expect(messageTh).toMatch(/[\u0E00-\u0E7F]/);
    expect([await countRows('shift_log'), await countRows('audit_log')]).toEqual([entries, audits]);
  });

  it('takes 1 to 4000 characters (Thai counted as characters), refuses empty, blank, longer and NUL text', async () => {
    expect((await addEntry('admin', { kind: 'note', body: 'ก'.repeat(4000) })).statusCode).toBe(201);
    expect((await addEntry('admin', { kind: 'note', body: 'x' })).statusCode).toBe(201);
    const before = await countRows('shift_log');
    for (const payload of [
      { kind: 'note', body: '' },
      { kind: 'note', body: '  \n\t ' },
      { kind: 'note', body: 'ก'.repeat(4001) },
      { kind: 'note', body: 'a\u0000b' },
      { kind: 'memo', body: 'a' },
      { body: 'a' },
      { kind: 'note', body: 'a', eventId: 0 },
      { kind: 'note', body: 'a', author: 'someone else' },
    ]) {
      const reply = await addEntry('operator', payload);
      expect(reply.statusCode, JSON.stringify(payload).slice(0, 60)).toBe(400);
      expect(reply.json<{ messageTh?: string }>().messageTh).toBeTruthy();
    }
    expect(await countRows('shift_log')).toBe(before);
  });

  it('is append-only: no route changes or removes an entry, and the database refuses it too', async () => {
    const { id } = (await addEntry('operator', { kind: 'note', body: 'ถูกต้องแล้ว' })).json<ShiftLogEntry>();
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      const reply = await as('admin', {
        method,
        url: `/api/shift-log/${id}`,
        payload: { kind: 'note', body: 'changed' },
      });
      expect(reply.statusCode, method).toBe(404);
    }
    for (const sql of [
      `UPDATE shift_log SET body = 'changed' WHERE id = ${id}`,
      `DELETE FROM shift_log WHERE id = ${id}`,
      'DELETE FROM shift_log WHERE false',
      'TRUNCATE shift_log',
    ]) {
      await expect(app.db.query(sql), sql).rejects.toThrow(/append-only/);
    }
    const { rows } = await app.db.query<{ body: string }>('SELECT body FROM shift_log WHERE id = $1', [id]);
    expect(rows).toEqual([{ body: 'ถูกต้องแล้ว' }]);
  });

  it('lists entries newest first with their authors, in pages, within a period', async () => {
    // A few milliseconds apart: the API gives times to the millisecond, the database keeps microseconds.
    const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
    const first = (await addEntry('admin', { kind: 'note', body: 'first of three' })).json<ShiftLogEntry>();
    await pause();
    const second = (
      await addEntry('operator', { kind: 'handover', body: 'second of three' })
    ).json<ShiftLogEntry>();
    await pause();
    const third = (
      await addEntry('operator', { kind: 'note', body: 'third of three' })
    ).json<ShiftLogEntry>();

    const all = (
      await as('operator', { method: 'GET', url: '/api/shift-log?limit=200' })
    ).json<ShiftLogPage>();
    expect(all.total).toBe(all.items.length);
    const order = all.items.map((e) => e.id);
    expect(order.slice(0, 3)).toEqual([third.id, second.id, first.id]);
    const times = all.items.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all.items[1]).toMatchObject({ username: 'operator', kind: 'handover', body: 'second of three' });
    expect(all.items[2]).toMatchObject({ username: 'admin', kind: 'note' });

    const page = (
      await as('admin', { method: 'GET', url: '/api/shift-log?limit=1&offset=1' })
    ).json<ShiftLogPage>();
    expect(page).toMatchObject({ limit: 1, offset: 1, total: all.total });
    expect(page.items.map((e) => e.id)).toEqual([second.id]);

    // [from, to): the first entry's instant is in, the second's is out as the end.
    const within = (
      await as('admin', {
        method: 'GET',
        url: `/api/shift-log?from=${encodeURIComponent(first.at)}&to=${encodeURIComponent(second.at)}`,
      })
    ).json<ShiftLogPage>();
    expect(within.items.map((e) => e.id)).toContain(first.id);
    expect(within.items.map((e) => e.id)).not.toContain(second.id);
    expect(within.items.map((e) => e.id)).not.toContain(third.id);
    const ahead = (
      await as('admin', { method: 'GET', url: '/api/shift-log?from=2099-01-01T00:00:00Z' })
    ).json<ShiftLogPage>();
    expect(ahead).toMatchObject({ items: [], total: 0 });

    for (const query of [
      'from=2031-03-14T00:00:00Z&to=2031-03-13T00:00:00Z',
      'limit=0',
      'limit=201',
      'offset=-1',
      'from=yesterday',
    ]) {
      const reply = await as('operator', { method: 'GET', url: `/api/shift-log?${query}` });
      expect(reply.statusCode, query).toBe(400);
      expect(reply.json<{ messageTh?: string }>().messageTh, query).toBeTruthy();
    }
  });
});

describe('shift summary', () => {
  const mueang = { lon: 101.07, lat: 13.69 };
  const phanom = { lon: 101.45, lat: 13.75 };
  const farAway = { lon: 100.5, lat: 13.75 }; // Bangkok, over 50 km from any place here

  beforeAll(async () => {
    await upsertVillage(
      app.db,
      {
        code: 'T-1',
        name: 'Ban Mueang',
        nameTh: 'บ้านเมือง',
        district: 'Mueang Chachoengsao',
        districtTh: 'เมืองฉะเชิงเทรา',
        location: mueang,
      },
      'test',
    );
    await upsertVillage(
      app.db,
      {
        code: 'T-2',
        name: 'Ban Phanom',
        nameTh: 'บ้านพนม',
        district: 'Phanom Sarakham',
        districtTh: 'พนมสารคาม',
        location: phanom,
      },
      'test',
    );
    // Nearer to the first alarm than any other place, but naming no district: the next place's district counts.
    await upsertVillage(
      app.db,
      {
        code: 'T-3',
        name: 'Ban Nowhere',
        nameTh: 'บ้านไม่ระบุ',
        district: null,
        districtTh: null,
        location: { lon: 101.0705, lat: 13.6905 },
      },
      'test',
    );

    // The day before, at 23:50 Bangkok: not DAY's.
    await insertEvent({ type: 'traffic.incident', startedAt: '2031-03-12T16:50:00Z', at: mueang });
    // DAY at 00:10 Bangkok: a warning acknowledged after 10 minutes, then resolved.
    await insertEvent({
      type: 'elephant.warning',
      severity: 'critical',
      status: 'resolved',
      startedAt: '2031-03-12T17:10:00Z',
      ackAfterS: 600,
      at: phanom,
    });
    // DAY at 08:00: far from every place, acknowledged after a minute.
    await insertEvent({
      type: 'traffic.congestion',
      severity: 'low',
      status: 'acknowledged',
      startedAt: '2031-03-13T01:00:00Z',
      ackAfterS: 60,
      at: farAway,
    });
    // DAY at 12:00: no location, still open; and two measurements, which are no alarms.
    await insertEvent({ type: 'crowd.alert', severity: 'medium', startedAt: '2031-03-13T05:00:00Z' });
    await insertEvent({
      type: 'traffic.vehicles',
      severity: 'info',
      startedAt: '2031-03-13T05:00:00Z',
      at: mueang,
    });
    await insertEvent({
      type: 'crowd.count',
      severity: 'info',
      startedAt: '2031-03-13T05:00:00Z',
      at: mueang,
    });
    // DAY at 23:50: escalated, raised three times, acknowledged after two minutes.
    await insertEvent({
      type: 'traffic.accident',
      status: 'acknowledged',
      startedAt: '2031-03-13T16:50:00Z',
      ackAfterS: 120,
      at: { lon: 101.071, lat: 13.691 },
      escalated: true,
      occurrences: 3,
    });
    // The next day (today on the server's clock) at 00:10.
    await insertEvent({ type: 'traffic.accident', startedAt: '2031-03-13T17:10:00Z', at: mueang });
  });

  const summary = async (query = '') => {
    const reply = await as('operator', { method: 'GET', url: `/api/shift/summary${query}` });
    expect(reply.statusCode, reply.body).toBe(200);
    return reply.json<ShiftSummary>();
  };

  it('counts the alarms of one Bangkok day, 00:10 and 23:50 in, measurements out, by type, status, severity and district', async () => {
    const day = await summary(`?day=${DAY}`);
    expect(day).toMatchObject({
      day: DAY,
      from: '2031-03-12T17:00:00.000Z',
      to: '2031-03-13T17:00:00.000Z',
      total: 4,
    });
    expect(day.byType).toEqual([
      { type: 'crowd.alert', count: 1 },
      { type: 'elephant.warning', count: 1 },
      { type: 'traffic.accident', count: 1 },
      { type: 'traffic.congestion', count: 1 },
    ]);
    expect(day.byStatus).toEqual([
      { status: 'acknowledged', count: 2 },
      { status: 'open', count: 1 },
      { status: 'resolved', count: 1 },
    ]);
    expect(day.bySeverity).toEqual([
      { severity: 'critical', count: 1 },
      { severity: 'high', count: 1 },
      { severity: 'low', count: 1 },
      { severity: 'medium', count: 1 },
    ]);
    expect(day.byDistrict).toEqual([
      { district: 'Mueang Chachoengsao', districtTh: 'เมืองฉะเชิงเทรา', count: 1 },
      { district: 'Phanom Sarakham', districtTh: 'พนมสารคาม', count: 1 },
      { district: null, districtTh: null, count: 2 },
    ]);
  });

  it('gives the mean and median time to acknowledge, and the open, escalated and folded counts', async () => {
    const day = await summary(`?day=${DAY}`);
    expect(day.acknowledged).toBe(3);
    expect(day.meanAckS).toBeCloseTo((600 + 60 + 120) / 3, 6);
    expect(day.medianAckS).toBeCloseTo(120, 6);
    expect(day.unacknowledged).toBe(1);
    expect(day.escalated).toBe(1);
    expect(day.repeatsFolded).toBe(2);
  });

  it("defaults to today in Bangkok on the server's clock, where 00:10 belongs", async () => {
    const today = await summary();
    expect(today).toMatchObject({
      day: '2031-03-14',
      total: 1,
      unacknowledged: 1,
      acknowledged: 0,
      meanAckS: null,
      medianAckS: null,
    });
    expect(today.byType).toEqual([{ type: 'traffic.accident', count: 1 }]);
    expect(today.byDistrict).toEqual([
      { district: 'Mueang Chachoengsao', districtTh: 'เมืองฉะเชิงเทรา', count: 1 },
    ]);
    expect((await summary('?day=2031-03-12')).byType).toEqual([{ type: 'traffic.incident', count: 1 }]);
  });

  it('answers a day without alarms with zeros, and refuses what is no calendar day', async () => {
    expect(await summary('?day=2031-01-01')).toMatchObject({
      total: 0,
      byType: [],
      byStatus: [],
      bySeverity: [],
      byDistrict: [],
      acknowledged: 0,
      meanAckS: null,
      medianAckS: null,
      unacknowledged: 0,
      escalated: 0,
      repeatsFolded: 0,
    });
    for (const day of [
      '2031-02-30',
      '2031-13-01',
      '0000-01-01',
      '13/03/2031',
      '2031-03-13T00:00:00Z',
      'today',
    ]) {
      const reply = await as('operator', {
        method: 'GET',
        url: `/api/shift/summary?day=${encodeURIComponent(day)}`,
      });
      expect(reply.statusCode, day).toBe(400);
      expect(reply.json<{ messageTh?: string }>().messageTh, day).toBeTruthy();
    }
  });
});
