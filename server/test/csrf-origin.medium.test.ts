// Medium: what a page on another site can make a signed-in browser do. The socket handshake takes the session cookie
// only from an allowed Origin; cookie-authenticated writes need the CSRF header and our Origin, bearer tokens and
// device keys do not; and a route takes only the body types it declares (no text/plain "CSV" to a JSON route).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { io } from 'socket.io-client';
import { buildApp } from '../src/app';
import { roleTokens } from './role-tokens';
import { createTestSchema, testConfig } from './test-env';

const WALL_ORIGIN = 'https://wall.example.go.th';
const EVIL_ORIGIN = 'https://evil.example';
let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let baseUrl: string;
let admin: string;

beforeAll(async () => {
  schema = await createTestSchema();
  const config = testConfig(schema.databaseUrl, { queuePrefix: `csrf-${randomBytes(4).toString('hex')}`, allowedOrigins: [WALL_ORIGIN] });
  app = await buildApp(config);
  baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  ({ admin } = await roleTokens(app, ['admin']));
});

afterAll(async () => {
  await app?.close();
  await schema?.drop();
});

/** How the socket handshake ends: 'connected' or the server's refusal. */
const handshake = (options: { token?: string; cookie?: string; origin?: string; csrfHeader?: boolean; fetchSite?: string }) =>
  new Promise<string>((resolve) => {
    const extraHeaders: Record<string, string> = {};
    if (options.cookie) extraHeaders.cookie = `toc_session=${options.cookie}`;
    if (options.origin) extraHeaders.origin = options.origin;
    if (options.csrfHeader) extraHeaders['x-requested-with'] = 'toc';
    if (options.fetchSite) extraHeaders['sec-fetch-site'] = options.fetchSite;
    const socket = io(baseUrl, {
      auth: options.token ? { token: options.token } : {},
      extraHeaders,
      transports: ['websocket'],
      reconnection: false,
    });
    socket.on('connect', () => (socket.close(), resolve('connected')));
    socket.on('connect_error', (error) => (socket.close(), resolve(error.message)));
  });

const trapCount = async () => (await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM camera_traps')).rows[0]!.n;
const newTrap = (name: string) => JSON.stringify({ name, nameTh: name, location: { lon: 101.2, lat: 13.6 } });
const post = (path: string, headers: Record<string, string>, body: string) =>
  app.inject({ method: 'POST', url: path, headers: { host: new URL(baseUrl).host, ...headers }, payload: body });

describe('socket handshake origin', () => {
  it('refuses the session cookie from a foreign Origin (header or not), or with neither Origin nor the header', async () => {
    expect(await handshake({ cookie: admin, origin: EVIL_ORIGIN })).toBe('forbidden origin');
    expect(await handshake({ cookie: admin, origin: EVIL_ORIGIN, csrfHeader: true })).toBe('forbidden origin');
    expect(await handshake({ cookie: admin, origin: 'null' })).toBe('forbidden origin');
    expect(await handshake({ cookie: admin })).toBe('forbidden origin');
    expect(await handshake({ cookie: admin, csrfHeader: true, fetchSite: 'cross-site' })).toBe('forbidden origin');
  });

  it('takes the cookie from our own or a configured Origin, and without Origin (a browser’s polling handshake) when same-origin or with the header', async () => {
    expect(await handshake({ cookie: admin, origin: baseUrl })).toBe('connected');
    expect(await handshake({ cookie: admin, origin: WALL_ORIGIN })).toBe('connected');
    expect(await handshake({ cookie: admin, fetchSite: 'same-origin' })).toBe('connected');
    expect(await handshake({ cookie: admin, csrfHeader: true })).toBe('connected');
  });

  it('takes a token in the handshake without Origin (non-browser clients)', async () => {
    expect(await handshake({ token: admin })).toBe('connected');
  });
});

describe('CSRF defence of cookie-authenticated writes', () => {
  const cookie = () => ({ cookie: `toc_session=${admin}`, 'content-type': 'application/json' });

  it('refuses a cookie write without the X-Requested-With header, and changes nothing', async () => {
    const before = await trapCount();
    const reply = await post('/api/traps', { ...cookie(), origin: baseUrl }, newTrap('no header'));
    expect(reply.statusCode).toBe(403);
    expect(reply.json()).toMatchObject({ message: expect.stringMatching(/X-Requested-With/), messageTh: expect.stringMatching(/คุกกี้/) });
    expect(await trapCount()).toBe(before);
  });

  it('refuses a cookie write from a foreign Origin or cross-site fetch metadata, even with the header', async () => {
    const before = await trapCount();
    const foreign = await post('/api/traps', { ...cookie(), 'x-requested-with': 'toc', origin: EVIL_ORIGIN }, newTrap('evil'));
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().messageTh).toBeTruthy();
    const crossSite = await post('/api/traps', { ...cookie(), 'x-requested-with': 'toc', 'sec-fetch-site': 'cross-site' }, newTrap('evil'));
    expect(crossSite.statusCode).toBe(403);
    const logout = await post('/api/auth/logout', { cookie: `toc_session=${admin}`, origin: EVIL_ORIGIN }, '');
    expect(logout.statusCode).toBe(403);
    expect(await trapCount()).toBe(before);
  });

  it('grants no CORS preflight, so another site’s page can never send the header', async () => {
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/traps',
      headers: { origin: EVIL_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-requested-with' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-headers']).toBeUndefined();
  });

  it('accepts a cookie write with the header from our origin (as the web app sends it) or a configured one', async () => {
    const before = await trapCount();
    const ours = await post('/api/traps', { ...cookie(), 'x-requested-with': 'toc', origin: baseUrl, 'sec-fetch-site': 'same-origin' }, newTrap('ours'));
    expect(ours.statusCode).toBe(201);
    const wall = await post('/api/traps', { ...cookie(), 'x-requested-with': 'toc', origin: WALL_ORIGIN }, newTrap('wall'));
    expect(wall.statusCode).toBe(201);
    expect(await trapCount()).toBe(before + 2);
  });

  it('leaves reads, bearer tokens and device keys alone', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/traps', headers: { cookie: `toc_session=${admin}` } })).statusCode).toBe(200);
    const bearer = await post('/api/traps', { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, newTrap('bearer'));
    expect(bearer.statusCode).toBe(201);

    const device = await app.inject({
      method: 'POST',
      url: '/api/gps/devices',
      headers: { authorization: `Bearer ${admin}` },
      payload: { uniqueId: 'bus-csrf-1' },
    });
    expect(device.statusCode).toBe(201);
    const { key } = device.json<{ key: string }>();
    const fix = `id=bus-csrf-1&lat=13.69&lon=101.07&timestamp=${Math.floor(Date.now() / 1000)}`;
    // A device POSTs form fields (or text/plain) with its key and no session: neither the CSRF header nor JSON is asked.
    for (const type of ['application/x-www-form-urlencoded', 'text/plain']) {
      const reply = await post('/api/gps/osmand', { 'content-type': type, 'x-device-key': key, origin: EVIL_ORIGIN }, fix);
      expect(reply.statusCode, type).toBe(200);
    }
  });
});

describe('declared body types', () => {
  const bearer = () => ({ authorization: `Bearer ${admin}` });

  it('answers 415 with a reason when a JSON route gets text/plain (or another parser’s type), and changes nothing', async () => {
    const before = await trapCount();
    for (const type of ['text/plain', 'text/plain; charset=utf-8', 'image/jpeg']) {
      const reply = await post('/api/traps', { ...bearer(), 'content-type': type }, newTrap('plain'));
      expect(reply.statusCode, type).toBe(415);
      expect(reply.json()).toMatchObject({ message: expect.stringMatching(/application\/json/), messageTh: expect.stringMatching(/ไม่รับข้อมูลชนิด/) });
    }
    expect(await trapCount()).toBe(before);
    // An unknown route stays a 404, whatever the body.
    expect((await post('/api/no-such-route', { ...bearer(), 'content-type': 'text/plain' }, 'x')).statusCode).toBe(404);
  });

  it('no longer reads a text/plain body as a village CSV; text/csv still imports', async () => {
    const csv = 'code,name,name_th,lon,lat\nV9,Ban Nong Yai,บ้านหนองใหญ่,101.3,13.6\n';
    const places = async () => (await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM places')).rows[0]!.n;
    const before = await places();
    const plain = await post('/api/places/villages', { ...bearer(), 'content-type': 'text/plain' }, csv);
    expect(plain.statusCode).toBe(415);
    expect(plain.json().message).toMatch(/text\/csv/);
    expect(await places()).toBe(before);
    const real = await post('/api/places/villages', { ...bearer(), 'content-type': 'text/csv' }, csv);
    expect(real.statusCode, real.body).toBe(200);
    expect(await places()).toBe(before + 1);
  });
});
