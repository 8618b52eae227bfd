// Medium: alarms left unacknowledged past their type's limit are escalated once (two workers at once), raised in
// severity, sent to the configured webhook, and written to the history and the audit log; admins set the limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { buildApp } from '@toc/server/app';
import { findEvent, listEventUpdates, setEventStatus } from '@toc/server/repositories/events.repository';
import { createEventStore } from '@toc/server/services/event-store.service';
import type { NewEvent } from '@toc/server/schemas';
import { createTestSchema, requireEnv, testConfig } from '@toc/server/testing';
import { roleTokens } from '../../server/test/role-tokens';
import { escalateDue, type EscalatorContext } from '../src/escalation/escalator';
import { startRecordingEndpoint, type RecordingEndpoint } from '../src/notify/recording-endpoint';

let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let redis: Redis;
let recorder: RecordingEndpoint;
let tokens: Record<'admin' | 'operator' | 'viewer', string>;
let clock = 0;
let ctx: EscalatorContext;

const T0 = Date.parse('2026-12-08T23:50:00+07:00');
const minutes = (m: number) => T0 + m * 60_000;

const alarm = (type: NewEvent['type'], startMin: number, severity: NewEvent['severity'] = 'high'): NewEvent => ({
  type,
  severity,
  location: { lon: 101.07, lat: 13.69 },
  cameraId: null,
  startedAt: new Date(minutes(startMin)).toISOString(),
  confidence: 0.8,
  modelId: 'yolox_nano_416',
  payload: { title: { en: 'Collision between vehicles', th: 'รถชนกัน' } },
});

beforeAll(async () => {
  schema = await createTestSchema();
  app = await buildApp(testConfig(schema.databaseUrl, { queuePrefix: schema.schema }));
  tokens = await roleTokens(app, ['admin', 'operator', 'viewer'] as const);
  recorder = await startRecordingEndpoint(() => ({ status: 200, body: '{}' }));
  redis = new Redis(requireEnv('REDIS_URL'));
  // The recorder listens on 127.0.0.1: allow-listed on purpose, as NOTIFY_ALLOWED_HOSTS would.
  const notify = { webhookUrls: [`${recorder.url}/hook`], webhookSecret: 'secret', lineTargets: [], allowedHosts: ['127.0.0.1'] };
  ctx = {
    db: app.db,
    events: createEventStore(app.db, { redis, channels: app.channels }),
    notifier: { db: app.db, config: { ...notify, publicUrl: 'http://toc.test' }, log: () => undefined },
    now: () => clock,
    log: () => undefined,
  };
});

afterAll(async () => {
  await recorder?.close();
  await redis?.quit();
  await app?.close();
  await schema?.drop();
});

const asUser = (role: keyof typeof tokens) => ({ authorization: `Bearer ${tokens[role]}` });

describe('escalation', () => {
  it('escalates each alarm once when its limit passes unacknowledged, and leaves acknowledged ones alone', async () => {
    const accident = await ctx.events.record(alarm('traffic.accident', 0));
    const acknowledged = await ctx.events.record(alarm('traffic.accident', 0));
    const later = await ctx.events.record(alarm('traffic.accident', 4));
    const crowd = await ctx.events.record(alarm('crowd.alert', 0));
    const bus = await ctx.events.record(alarm('bus.gap', 0, 'medium'));
    const operatorId = (await app.db.query<{ id: number }>("SELECT id FROM users WHERE username = 'operator'")).rows[0]!.id;
    await setEventStatus(app.db, { id: acknowledged.id, status: 'acknowledged', userId: operatorId, note: null });

    clock = minutes(4.9);
    expect(await escalateDue(ctx)).toBe(0);

    // Two workers at the same moment: the claim is one statement, so the accident is escalated by one of them.
    clock = minutes(5) + 1000;
    const counts = await Promise.all([escalateDue(ctx), escalateDue(ctx)]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    const escalated = (await findEvent(app.db, accident.id))!;
    expect(escalated.severity).toBe('critical');
    expect(escalated.escalatedAt).toBe(new Date(clock).toISOString());
    expect(escalated.seq).toBeGreaterThan(accident.seq);
    expect((await listEventUpdates(app.db, accident.id)).map((u) => u.kind)).toContain('escalated');
    const audit = await app.db.query("SELECT username, detail FROM audit_log WHERE action = 'event.escalate' AND target = $1", [`event:${accident.id}`]);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({ username: 'system', detail: { afterMin: 5, fromSeverity: 'high', toSeverity: 'critical' } });
    await expect.poll(() => recorder.requests.length).toBe(1);
    expect(recorder.requests[0]!.body).toContain('Escalated: Collision between vehicles');
    expect(recorder.requests[0]!.body).toContain('ยกระดับ');

    clock = minutes(10) + 1000;
    expect(await escalateDue(ctx)).toBe(2); // the crowd (10 min) and the later accident (4 + 5 min)
    expect((await findEvent(app.db, crowd.id))!.escalatedAt).not.toBeNull();
    expect((await findEvent(app.db, later.id))!.escalatedAt).not.toBeNull();
    expect((await findEvent(app.db, acknowledged.id))!.escalatedAt).toBeNull();
    expect((await findEvent(app.db, bus.id))!.escalatedAt).toBeNull(); // bus alarms have no policy
    expect(await escalateDue(ctx)).toBe(0);
  });

  it('lets operators read the limits and only admins change them, audited, with bilingual refusals', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/escalation-policies', headers: asUser('operator') });
    expect(list.statusCode).toBe(200);
    expect(list.json<{ eventType: string; afterMin: number }[]>().find((p) => p.eventType === 'traffic.accident')?.afterMin).toBe(5);
    expect((await app.inject({ method: 'GET', url: '/api/escalation-policies', headers: asUser('viewer') })).statusCode).toBe(403);

    const change = { afterMin: 3, raiseTo: 'critical', enabled: false };
    const byOperator = await app.inject({ method: 'PUT', url: '/api/escalation-policies/traffic.incident', headers: asUser('operator'), payload: change });
    expect(byOperator.statusCode).toBe(403);
    const invalid = await app.inject({ method: 'PUT', url: '/api/escalation-policies/traffic.incident', headers: asUser('admin'), payload: { ...change, afterMin: 0 } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({ message: expect.any(String), messageTh: expect.any(String) });
    const unknown = await app.inject({ method: 'PUT', url: '/api/escalation-policies/no.such.type', headers: asUser('admin'), payload: change });
    expect(unknown.statusCode).toBe(400);

    const saved = await app.inject({ method: 'PUT', url: '/api/escalation-policies/traffic.incident', headers: asUser('admin'), payload: change });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ eventType: 'traffic.incident', afterMin: 3, enabled: false, updatedBy: 'admin' });
    const audit = await app.db.query("SELECT detail FROM audit_log WHERE action = 'escalation-policy.update' AND target = 'escalation-policy:traffic.incident'");
    expect(audit.rows[0].detail).toMatchObject({ before: { afterMin: 10, enabled: true }, after: change });

    // Disabled: an incident waiting far past the limit stays as it is.
    const incident = await ctx.events.record(alarm('traffic.incident', 0, 'medium'));
    clock = minutes(60);
    await escalateDue(ctx);
    expect((await findEvent(app.db, incident.id))!.escalatedAt).toBeNull();
  });
});
