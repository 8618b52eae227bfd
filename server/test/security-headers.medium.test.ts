// Medium: security headers on API replies and on the web pages, API replies not cached, and the session cookie's
// flags, with and without COOKIE_SECURE (served behind HTTPS).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app';
import { rolePassword, roleTokens } from './role-tokens';
import { createTestSchema, testConfig } from './test-env';

let plain: FastifyInstance;
let https: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let webDistDir: string;
let token: string;

/** A stand-in for web/dist: the two pages, a script and MapLibre's module worker. */
async function fakeWebDist(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'toc-web-'));
  await mkdir(path.join(dir, 'assets'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><script type="module" src="./assets/main.js"></script>');
  await writeFile(path.join(dir, 'stop.html'), '<!doctype html><base href="../"><main id="sign"></main>');
  await writeFile(path.join(dir, 'assets', 'main.js'), 'export {};');
  await writeFile(path.join(dir, 'assets', 'maplibre-gl-worker.mjs'), 'export {};');
  return dir;
}

beforeAll(async () => {
  schema = await createTestSchema();
  webDistDir = await fakeWebDist();
  plain = await buildApp(testConfig(schema.databaseUrl, { webDistDir, cookieSecure: false }));
  https = await buildApp(
    testConfig(schema.databaseUrl, { webDistDir, cookieSecure: true, mapTileOrigins: ['https://tiles.example.org'] }),
  );
  ({ operator: token } = await roleTokens(plain, ['operator']));
});

afterAll(async () => {
  await plain?.close();
  await https?.close();
  await schema?.drop();
  if (webDistDir) await rm(webDistDir, { recursive: true, force: true });
});

/** The Content-Security-Policy as directive → sources. */
function csp(reply: LightMyRequestResponse): Map<string, string[]> {
  const header = String(reply.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}

function expectBrowserHardening(reply: LightMyRequestResponse) {
  expect(reply.headers['x-content-type-options']).toBe('nosniff');
  expect(reply.headers['referrer-policy']).toBe('strict-origin');
  expect(reply.headers['x-frame-options']).toBe('DENY');
  const policy = csp(reply);
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  // What MapLibre and the camera tiles need.
  expect(policy.get('worker-src')).toEqual(expect.arrayContaining(["'self'", 'blob:']));
  expect(policy.get('img-src')).toEqual(expect.arrayContaining(["'self'", 'data:', 'blob:']));
  expect(policy.get('connect-src')).toContain("'self'");
  expect(reply.headers['x-powered-by']).toBeUndefined();
}

describe('security headers', () => {
  it('harden an API reply, which no cache may keep', async () => {
    const reply = await plain.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect(reply.statusCode).toBe(200);
    expectBrowserHardening(reply);
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.headers['strict-transport-security']).toBeUndefined();
  });

  it('also on refusals and unknown API paths', async () => {
    for (const url of ['/api/cameras', '/api/no-such-thing']) {
      const reply = await plain.inject({ url });
      expect(reply.statusCode).toBeGreaterThanOrEqual(400);
      expectBrowserHardening(reply);
      expect(reply.headers['cache-control']).toBe('no-store');
    }
  });

  it("leave a route's own caching alone", async () => {
    const reply = await plain.inject({ url: '/api/gtfs-rt/vehicle-positions' });
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['cache-control']).toBe('public, max-age=5');
  });

  it('harden the control room and the bus-stop sign pages, and serve the map worker as a script', async () => {
    for (const url of ['/', '/map', '/stop/ST-1']) {
      const reply = await plain.inject({ url });
      expect(reply.statusCode).toBe(200);
      expect(reply.headers['content-type']).toMatch(/^text\/html/);
      expectBrowserHardening(reply);
      expect(csp(reply).has('upgrade-insecure-requests')).toBe(false);
    }
    const worker = await plain.inject({ url: '/assets/maplibre-gl-worker.mjs' });
    expect(worker.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(worker.headers['x-content-type-options']).toBe('nosniff');
  });

  it('set the session cookie HttpOnly and SameSite=Strict, not Secure on plain http', async () => {
    const reply = await plain.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'operator', password: rolePassword('operator') } });
    const cookie = String(reply.headers['set-cookie']);
    expect(cookie).toMatch(/^toc_session=/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).not.toMatch(/; Secure/);
  });

  it('behind HTTPS: HSTS, upgraded sub-requests, a Secure cookie and the configured tile host', async () => {
    const page = await https.inject({ url: '/' });
    expectBrowserHardening(page);
    expect(page.headers['strict-transport-security']).toBe('max-age=15552000');
    const policy = csp(page);
    expect(policy.has('upgrade-insecure-requests')).toBe(true);
    expect(policy.get('connect-src')).toContain('https://tiles.example.org');
    expect(policy.get('img-src')).toContain('https://tiles.example.org');

    const login = await https.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'operator', password: rolePassword('operator') } });
    expect(login.statusCode).toBe(200);
    expect(login.headers['strict-transport-security']).toBe('max-age=15552000');
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
  });
});
