// Medium: notification requests cannot be turned against the internal network (audit issue 11, finding 7). A real
// local HTTP receiver is reached only when allow-listed; names are checked after DNS at connect time, on every
// attempt; a receiver's reply body never lands in the stored notification log (real PostGIS, real HTTP).
import { lookup as systemLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '@toc/server/app';
import { insertEvent } from '@toc/server/repositories/events.repository';
import {
  insertNotificationTarget,
  listNotifications,
} from '@toc/server/repositories/notifications.repository';
import { EMPTY_ALLOW_LIST, parseAllowList } from '@toc/server/lib/outbound-allow-list';
import type { Event } from '@toc/server/schemas';
import { createTestSchema, roleTokens, testConfig } from '@toc/server/testing';
import { postWithRetry, retryPolicy } from '../src/notify/http-post';
import type { OutboundGuard } from '../src/notify/guarded-post';
import {
  startRecordingEndpoint,
  type RecordedRequest,
  type RecordingEndpoint,
  type Reply,
} from '../src/notify/recording-endpoint';
import { notifyEvent } from '../src/outputs/notifier';

const MARKER = 'REMOTE-BODY-MARKER-7f3a';

let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let tokens: Record<'admin' | 'operator', string>;
let recorder: RecordingEndpoint;
let reply: (request: RecordedRequest, index: number) => Reply = () => ({ status: 200 });

/**
 * A resolver with its own answers for some names (as a hostile DNS server would give), the system's for the rest.
 * A name's answers are given in turn, the last one from then on.
 */
function dnsWith(answers: Record<string, string[]>): LookupFunction & { asked: string[] } {
  const asked: string[] = [];
  const lookup: LookupFunction = (hostname, options, callback) => {
    const own = answers[hostname];
    if (!own) return systemLookup(hostname, options, callback);
    const answer = own[Math.min(asked.filter((h) => h === hostname).length, own.length - 1)]!;
    asked.push(hostname);
    callback(null, [{ address: answer, family: answer.includes(':') ? 6 : 4 }]);
  };
  return Object.assign(lookup, { asked });
}

const fast = retryPolicy({ retryDelayMs: 1, maxRetryDelayMs: 2, timeoutMs: 5_000 });
const post = (url: string, guard: OutboundGuard) =>
  postWithRetry(
    { url: new URL(url), headers: { 'Content-Type': 'application/json' }, body: '{}', guard },
    fast,
  );

const port = () => new URL(recorder.url).port;

beforeAll(async () => {
  schema = await createTestSchema();
  app = await buildApp(testConfig(schema.databaseUrl, { queuePrefix: schema.schema }));
  tokens = await roleTokens(app, ['admin', 'operator']);
  recorder = await startRecordingEndpoint((request, index) => reply(request, index));
});

afterAll(async () => {
  await recorder?.close();
  await app?.close();
  await schema?.drop();
});

beforeEach(() => {
  recorder.requests.length = 0;
  reply = () => ({ status: 200 });
});

describe('connect-time checks against a real local receiver', () => {
  it('refuses a public-looking name that resolves to 127.0.0.1, before any connection, unless the name is listed', async () => {
    const url = `http://hooks.partner-city.org:${port()}/toc`;
    const refused = await post(url, {
      allow: EMPTY_ALLOW_LIST,
      lookup: dnsWith({ 'hooks.partner-city.org': ['127.0.0.1'] }),
    });
    expect(refused).toEqual({
      ok: false,
      status: null,
      error: 'refused: resolves to an internal address (loopback)',
      attempts: 1,
    });
    expect(recorder.requests).toHaveLength(0);

    const listed = {
      allow: parseAllowList(['hooks.partner-city.org']),
      lookup: dnsWith({ 'hooks.partner-city.org': ['127.0.0.1'] }),
    };
    expect(await post(url, listed)).toEqual({ ok: true, status: 200, error: null, attempts: 1 });
    expect(recorder.requests.map((r) => r.path)).toEqual(['/toc']);
  });

  it('refuses localhost through the system resolver unless listed, and opens a listed network', async () => {
    expect((await post(`http://localhost:${port()}/a`, { allow: EMPTY_ALLOW_LIST })).error).toBe(
      'refused: resolves to an internal address (loopback)',
    );
    expect(recorder.requests).toHaveLength(0);
    expect((await post(`http://localhost:${port()}/b`, { allow: parseAllowList(['localhost']) })).ok).toBe(
      true,
    );
    expect((await post(`http://localhost:${port()}/c`, { allow: parseAllowList(['127.0.0.0/8']) })).ok).toBe(
      true,
    );
    expect(recorder.requests.map((r) => r.path)).toEqual(['/b', '/c']);
  });

  it('checks a literal address itself, since the socket never looks it up', async () => {
    for (const host of ['127.0.0.1', '[::ffff:7f00:1]']) {
      expect((await post(`http://${host}:${port()}/x`, { allow: EMPTY_ALLOW_LIST })).error).toBe(
        'refused: internal address (loopback)',
      );
    }
    expect(recorder.requests).toHaveLength(0);
  });

  it('resolves and checks again on every attempt: an answer that changes between attempts (rebinding) is refused', async () => {
    reply = () => ({ status: 500, body: MARKER });
    // The on-premises network is 127.0.0.1/32 here; the second answer steps outside it.
    const lookup = dnsWith({ 'relay.partner-city.org': ['127.0.0.1', '127.0.0.2'] });
    const result = await post(`http://relay.partner-city.org:${port()}/r`, {
      allow: parseAllowList(['127.0.0.1/32']),
      lookup,
    });
    expect(result).toEqual({
      ok: false,
      status: null,
      error: 'refused: resolves to an internal address (loopback)',
      attempts: 2,
    });
    expect(recorder.requests).toHaveLength(1);
    expect(lookup.asked).toEqual(['relay.partner-city.org', 'relay.partner-city.org']);
  });
});

describe('notification log', () => {
  let event: Event;

  beforeAll(async () => {
    event = await insertEvent(app.db, {
      type: 'elephant.warning',
      severity: 'critical',
      location: { lon: 101.6, lat: 13.5 },
      cameraId: null,
      startedAt: new Date().toISOString(),
      confidence: null,
      modelId: null,
      payload: {},
    });
  });

  it('keeps our reason, never the receiver’s body, and refuses internal targets without stopping the others', async () => {
    reply = () => ({ status: 500, body: `{"error":"${MARKER}","secret":"redis_version:7.0.15"}` });
    // Accepted by the API (a public name), it resolves to the local receiver when the warning goes out.
    const created = await app.inject({
      method: 'POST',
      url: '/api/notification-targets',
      headers: { authorization: `Bearer ${tokens.admin}` },
      payload: {
        channel: 'webhook',
        target: 'https://hooks.partner-city.org/toc',
        audience: 'ranger',
        eventTypes: ['elephant.warning'],
      },
    });
    expect(created.statusCode).toBe(201);
    // Saved before the API checked targets: still refused when sending.
    await insertNotificationTarget(app.db, {
      channel: 'webhook',
      target: 'http://169.254.169.254/latest/meta-data/',
      audience: 'legacy',
      eventTypes: ['elephant.warning'],
    });
    const logged: string[] = [];
    await notifyEvent(
      {
        db: app.db,
        // The on-premises receiver is allow-listed by its name, so 127.0.0.1 itself stays refused for other names.
        config: {
          webhookUrls: [`http://siem.city.test:${port()}/hook`],
          lineTargets: [],
          allowedHosts: ['siem.city.test'],
          publicUrl: 'http://toc.test',
        },
        log: (level, message, detail) => logged.push(JSON.stringify({ level, message, detail })),
        lookup: dnsWith({ 'siem.city.test': ['127.0.0.1'], 'hooks.partner-city.org': ['127.0.0.1'] }),
      },
      event,
      { title: { en: 'Wild elephants', th: 'ช้างป่า' }, body: { en: '', th: '' } },
    );

    // Only the allow-listed configured webhook was reached (three attempts at its 500s).
    expect(recorder.requests.map((r) => r.path)).toEqual(['/hook', '/hook', '/hook']);
    const rows = await listNotifications(app.db, { eventId: event.id, limit: 10 });
    const byTarget = Object.fromEntries(rows.map((r) => [r.target, r]));
    expect(byTarget['webhook:config#1']).toMatchObject({
      ok: false,
      status: 500,
      attempts: 3,
      error: 'HTTP 500 from target',
    });
    expect(byTarget['hooks.partner-city.org']).toMatchObject({
      ok: false,
      status: null,
      attempts: 1,
      audience: 'ranger',
      error: 'refused: resolves to an internal address (loopback)',
    });
    expect(byTarget['169.254.169.254']).toMatchObject({
      ok: false,
      status: null,
      attempts: 0,
      audience: 'legacy',
    });
    expect(byTarget['169.254.169.254']?.error).toMatch(/^refused: Webhook URL: .*cloud metadata/);

    // Nowhere an operator or the logs could read it.
    expect(JSON.stringify(rows)).not.toContain(MARKER);
    expect(JSON.stringify(rows)).not.toContain('redis_version');
    expect(logged.join('\n')).not.toContain(MARKER);
    for (const url of ['/api/notifications', `/api/events/${event.id}/notifications`]) {
      const listed = await app.inject({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${tokens.operator}` },
      });
      expect(listed.statusCode).toBe(200);
      expect(listed.body).toContain('HTTP 500 from target');
      expect(listed.body).not.toContain(MARKER);
    }
  });
});
