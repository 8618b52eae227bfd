// Medium: the API refuses webhook targets that point inside the network, or hide where they point, with a 400 and
// a reason in English and Thai, and stores nothing; on-premises receivers pass only through NOTIFY_ALLOWED_HOSTS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import { roleTokens } from './role-tokens';
import { createTestSchema, testConfig } from './test-env';

let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let adminToken = '';

const addTarget = (target: string) =>
  app.inject({
    method: 'POST',
    url: '/api/notification-targets',
    headers: { authorization: `Bearer ${adminToken}` },
    payload: { channel: 'webhook', target, audience: 'ranger', eventTypes: ['elephant.warning'] },
  });

const storedTargets = async () =>
  (
    await app.inject({
      method: 'GET',
      url: '/api/notification-targets',
      headers: { authorization: `Bearer ${adminToken}` },
    })
  ).json<{ target: string }[]>();

beforeAll(async () => {
  schema = await createTestSchema();
  app = await buildApp(
    testConfig(schema.databaseUrl, {
      queuePrefix: schema.schema,
      notifyAllowedHosts: ['10.20.0.0/16', 'siem.city.local'],
    }),
  );
  ({ admin: adminToken } = await roleTokens(app, ['admin']));
});

afterAll(async () => {
  await app?.close();
  await schema?.drop();
});

describe('POST /api/notification-targets (webhook)', () => {
  it.each([
    'http://127.0.0.1:6379/',
    'http://127.0.0.1:5432/',
    'https://localhost/hook',
    'https://[::1]/hook',
    'https://0.0.0.0/hook',
    'http://2130706433/',
    'http://0x7f000001/',
    'https://0177.0.0.1/hook',
    'https://[::ffff:127.0.0.1]/hook',
    'https://169.254.169.254/latest/meta-data/',
    'https://user:pass@hooks.example.org/hook',
    'https://192.168.1.20/hook',
    'https://100.64.0.1/hook',
    'https://[fd00::1]/hook',
    'http://hooks.example.org/hook',
    'https://hooks.example.org:6379/hook',
    'https://redis/hook',
    'http://10.30.0.5:8080/hook',
    'gopher://127.0.0.1:6379/_FLUSHALL',
  ])('refuses %j with a 400 and a reason in both languages, storing nothing', async (target) => {
    const reply = await addTarget(target);
    expect(reply.statusCode).toBe(400);
    const body = reply.json<{ message: string; messageTh: string }>();
    expect(body.message).toMatch(/^Webhook target refused: /);
    expect(body.messageTh).toMatch(/^ไม่รับปลายทาง webhook: /);
    expect(await storedTargets()).toEqual([]);
  });

  it('accepts public https targets and the allow-listed on-premises receivers', async () => {
    for (const target of [
      'https://hooks.example.org/toc?token=abc',
      'http://10.20.3.4:8088/services/collector',
      'http://siem.city.local:8088/hook',
    ]) {
      expect((await addTarget(target)).statusCode).toBe(201);
    }
    // Shown without path or query, where a webhook keeps its token: the stored URL is write-only.
    expect((await storedTargets()).map((t) => t.target)).toEqual(['https://hooks.example.org/…', 'http://10.20.3.4:8088/…', 'http://siem.city.local:8088/…']);
  });
});
