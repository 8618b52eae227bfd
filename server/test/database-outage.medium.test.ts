// Medium: the real server in front of a real PostgreSQL that goes away (connections refused and reset, as in a
// restart; never answered, as when its host is unreachable; or falling silent on the open connections too): the API
// answers 503 with the reason in English and Thai and a Retry-After, within the connect or query timeout, not hanging; a write refused meanwhile changed nothing;
// once the database is back the same requests succeed without a server restart.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { upsertUser } from '../src/repositories/users.repository';
import { hashPassword } from '../src/services/passwords';
import { startFailoverProxy, type FailoverProxy } from './tcp-proxy';
import { createTestSchema, testConfig } from './test-env';

const CONNECT_TIMEOUT_S = 1;
/** DB_QUERY_TIMEOUT_S: what ends a query on a connection the database host left open and fell silent on. */
const QUERY_TIMEOUT_S = 2;
let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let proxy: FailoverProxy;
let token: string;

/** The schema's URL, reaching PostgreSQL through the proxy. */
function throughProxy(databaseUrl: string, port: number): string {
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return url.toString();
}

const asAdmin = (method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, payload, headers: { authorization: `Bearer ${token}` } });

const camera = (name: string) => ({
  name,
  nameTh: `กล้อง ${name}`,
  location: { lon: 101.07, lat: 13.69 },
  headingDeg: 90,
  fovDeg: 60,
  rtspUrl: 'rtsp://127.0.0.1:9/outage',
});

function expectOutageReply(response: LightMyRequestResponse): void {
  expect(response.statusCode).toBe(503);
  expect(response.headers['retry-after']).toBe('5');
  const body = response.json<{ message: string; messageTh: string }>();
  expect(body.message).toMatch(/database cannot be reached/);
  expect(body.messageTh).toMatch(/ฐานข้อมูล/);
}

beforeAll(async () => {
  schema = await createTestSchema();
  proxy = await startFailoverProxy([Number(new URL(schema.databaseUrl).port || 5432)]);
  app = await buildApp(
    testConfig(schema.databaseUrl, {
      databaseUrl: throughProxy(schema.databaseUrl, proxy.port),
      dbConnectTimeoutSeconds: CONNECT_TIMEOUT_S,
      dbQueryTimeoutSeconds: QUERY_TIMEOUT_S,
    }),
  );
  await upsertUser(app.db, {
    username: 'admin',
    displayName: 'A',
    role: 'admin',
    passwordHash: await hashPassword('pw'),
  });
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'admin', password: 'pw' },
  });
  token = login.json<{ token: string }>().token;
});

afterAll(async () => {
  proxy?.fault(null);
  await app?.close();
  await proxy?.close();
  await schema?.drop();
});

describe('the database goes away under the server', () => {
  for (const fault of ['refused', 'silent', 'blackhole'] as const) {
    it(`answers 503 with the reason while it is ${fault}, and serves again once it is back`, async () => {
      expect((await asAdmin('GET', '/api/cameras')).statusCode).toBe(200);
      const before = (await asAdmin('GET', '/api/cameras')).json<unknown[]>().length;

      proxy.fault(fault);
      const started = performance.now();
      expectOutageReply(await asAdmin('GET', '/api/cameras'));
      expectOutageReply(await asAdmin('POST', '/api/cameras', camera(`during ${fault}`)));
      const answeredMs = performance.now() - started;
      // Readiness says so too, so a load balancer stops sending requests here.
      const ready = await app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ db: 'down' });
      // Without the connect timeout an unreachable database holds the requests until the test's own timeout; without
      // the query timeout, a host gone dark holds those on its open connections (blackhole) until TCP gives up.
      console.log(`database ${fault}: two requests answered 503 in ${answeredMs.toFixed(0)} ms`);

      proxy.fault(null);
      expect((await asAdmin('GET', '/readyz')).statusCode).toBe(200);
      const after = await asAdmin('GET', '/api/cameras');
      expect(after.statusCode).toBe(200);
      // The write refused during the outage left nothing behind.
      expect(after.json<unknown[]>()).toHaveLength(before);
      expect((await asAdmin('POST', '/api/cameras', camera(`after ${fault}`))).statusCode).toBe(201);
    }, 20_000);
  }
});
