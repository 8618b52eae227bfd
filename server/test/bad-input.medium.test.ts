// Medium: the bad-input corpus. Every operation of the OpenAPI document with a body, query or path parameters gets,
// as admin (so no refusal hides a 500), each request of its deterministic corpus (bad-input-corpus.ts) plus seeded
// random JSON bodies its schema refuses; each must be a 4xx with a reason in English and Thai and change no table.
// Injection strings where the schema takes any text are plain text: they may be stored, and must never break anything.
import { AjvCompiler } from '@fastify/ajv-compiler';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app';
import { REPO_ROOT } from '../src/config';
import { DATA_EXCEPTION_REPLY } from '../src/lib/pg-data-error';
import { apiOperations, type ApiOperation } from './api-operations';
import { corpusFor, toJson, type BadRequest, type CorpusContext } from './bad-input-corpus';
import { textPlaces } from './bad-values';
import { changedTables, tableDigests } from './db-digest';
import { sampleValue, type JsonSchema } from './schema-samples';
import { createTestSchema, roleTokens, testConfig } from './test-env';

const FUZZ_SEED = 20_240_611;
const FUZZ_RUNS = 12;

// Built while the file is collected, so that each operation is a test of its own.
const schema = await createTestSchema();
const app: FastifyInstance = await buildApp(testConfig(schema.databaseUrl));
let admin = await signInAdmin();
const context = await createFixtures();
const operations = apiOperations(app).filter(
  (op) => Object.keys(op.params?.properties ?? {}).length > 0 || op.querystring !== undefined || op.consumes.length > 0,
);
const tally = { tried: 0, clientErrors: 0, serverErrors: 0, accepted: 0 };
const serverPaths = [REPO_ROOT, app.config.sharedDir, app.config.snapshotDir];

afterAll(async () => {
  console.info(
    `bad input: ${tally.tried} requests over ${operations.length} operations; ${tally.clientErrors} got a 4xx, ` +
      `${tally.serverErrors} a 5xx, ${tally.accepted} were accepted`,
  );
  await app.close();
  await schema.drop();
});

async function signInAdmin(): Promise<Record<string, string>> {
  const tokens = await roleTokens(app, ['admin']);
  return { authorization: `Bearer ${tokens.admin}` };
}

/** A row with id 1 in each table a path names, so a bad body meets a real row (where a good one would change it). */
async function createFixtures(): Promise<CorpusContext> {
  const created = async (url: string, payload: object) => {
    const reply = await app.inject({ method: 'POST', url, headers: admin, payload });
    if (reply.statusCode >= 300) throw new Error(`${url}: ${reply.statusCode} ${reply.body}`);
    return reply.json<Record<string, { id: number } & Record<string, unknown>> & { id: number; key: string }>();
  };
  const location = { lon: 101.07, lat: 13.69 };
  const camera = await created('/api/cameras', { name: 'Corpus', nameTh: 'กล้องทดสอบ', location, headingDeg: 90, fovDeg: 60, rtspUrl: 'rtsp://127.0.0.1:9/c', enabled: false });
  const trap = await created('/api/traps', { name: 'Corpus trap', nameTh: 'กล้องดักถ่ายทดสอบ', location });
  const vehicle = await created('/api/vehicles', { label: 'C-1' });
  const device = await created('/api/gps/devices', { uniqueId: 'corpus-1', vehicleId: vehicle.id });
  const event = await app.eventStore.record({
    type: 'traffic.accident',
    severity: 'high',
    location,
    cameraId: camera.id,
    startedAt: new Date().toISOString(),
    confidence: 0.9,
    modelId: 'yolox_nano_416',
    payload: {},
  });
  const ids = [camera.id, trap.trap!.id, vehicle.id, device.device!.id, event.id];
  if (ids.some((id) => id !== 1)) throw new Error(`fixtures should have id 1: ${ids.join(', ')}`);
  return { existingId: 1, headers: { 'x-trap-key': trap.key, 'x-device-key': device.key } };
}

const reasonOf = (reply: LightMyRequestResponse): { message?: unknown; messageTh?: unknown } => {
  try {
    return reply.json();
  } catch {
    return {};
  }
};

/** Random JSON bodies the route's schema refuses (seeded, so a failure replays): they must be refused the same way. */
function fuzzBodies(op: ApiOperation): BadRequest[] {
  if (!op.body || !op.consumes.includes('application/json')) return [];
  // As the server validates a body (app.ts, request-validators.ts).
  const validate = AjvCompiler()({}, { customOptions: { removeAdditional: false, useDefaults: true, coerceTypes: false } })({
    schema: op.body,
    method: op.method,
    url: op.url,
    httpPart: 'body',
  } as never) as unknown as (value: unknown) => boolean;
  const good = sampleValue(op.body) as Record<string, unknown>;
  const keys = [...Object.keys(op.body.properties ?? {}), 'unexpected'];
  // Whole values, and the good body with one property replaced (or added) by a random value.
  const values = [
    ...fc.sample(fc.jsonValue(), { seed: FUZZ_SEED, numRuns: FUZZ_RUNS }),
    ...fc.sample(
      fc.tuple(fc.constantFrom(...keys), fc.jsonValue()).map(([key, value]) => ({ ...good, [key]: value })),
      { seed: FUZZ_SEED, numRuns: FUZZ_RUNS },
    ),
  ];
  const url = op.url.replace(/:([A-Za-z0-9_]+)/g, String(context.existingId));
  return values
    .filter((value) => !validate(structuredClone(value)))
    .map((value) => ({
      label: `fuzz body ${toJson(value).slice(0, 80)}`,
      request: { method: op.method as InjectOptions['method'], url, headers: { 'content-type': 'application/json' }, payload: toJson(value) },
    }));
}

describe.each(operations.map((op) => [`${op.method} ${op.path}`, op] as const))('bad input to %s', (_name, op) => {
  it('is refused with a 4xx and a reason, and changes nothing', async () => {
    const failures: string[] = [];
    const leaks: string[] = [];
    const before = await tableDigests(app.db, schema.schema);
    for (const { label, request } of [...corpusFor(op, context), ...fuzzBodies(op)]) {
      const reply = await app.inject({ ...request, headers: { ...request.headers, ...admin } });
      tally.tried++;
      const where = `[${label}] → ${reply.statusCode}`;
      if (reply.statusCode >= 500) tally.serverErrors++;
      else if (reply.statusCode < 400) tally.accepted++;
      else tally.clientErrors++;
      if (reply.statusCode < 400 || reply.statusCode >= 500) {
        failures.push(`${where} ${reply.body.slice(0, 200)}`);
        continue;
      }
      const { message, messageTh } = reasonOf(reply);
      leaks.push(...serverPaths.filter((dir) => reply.body.includes(dir)).map((dir) => `${where} shows ${dir}`));
      if (typeof message !== 'string' || !message || typeof messageTh !== 'string' || !messageTh) {
        failures.push(`${where}: no reason in English and Thai: ${reply.body.slice(0, 200)}`);
      }
      // The database's own refusal is only a safety net: the schema should have said no first.
      if (message === DATA_EXCEPTION_REPLY.message) failures.push(`${where}: refused by the database, not by the schema`);
    }
    const changed = changedTables(before, await tableDigests(app.db, schema.schema));
    expect(failures).toEqual([]);
    expect(changed, 'tables changed by refused requests').toEqual([]);
    // A reason names the input, never the server's files (the same reply would go to any role).
    expect(leaks).toEqual([]);
  });
});

describe('injection strings where any text is allowed', () => {
  it('are plain text: no 5xx, every table still there, the API still answers', async () => {
    const tablesBefore = Object.keys(await tableDigests(app.db, schema.schema));
    const failures: string[] = [];
    let tried = 0;
    const send = async (request: InjectOptions) => {
      const reply = await app.inject({ ...request, headers: { ...request.headers, ...admin } });
      tried++;
      if (reply.statusCode >= 500) failures.push(`${request.method} ${request.url} → ${reply.statusCode} ${reply.body.slice(0, 200)}`);
      // A text may have become the admin's new password (user administration): sign in again if the session went.
      if (request.method !== 'GET' && reply.statusCode < 300 && (await app.inject({ url: '/api/me', headers: admin })).statusCode === 401) {
        admin = await signInAdmin();
      }
    };
    for (const op of apiOperations(app)) {
      const url = op.url.replace(/:([A-Za-z0-9_]+)/g, String(context.existingId));
      const method = op.method as InjectOptions['method'];
      if (op.body && op.consumes.includes('application/json')) {
        // Passwords are only ever hashed (each try costs an argon2 run), never stored or searched as text.
        for (const { place, texts } of textPlaces(op.body).filter(({ place }) => !/password/i.test(place))) {
          for (const text of texts) await send({ method, url, payload: withTextAt(op.body, place, text) as object });
        }
      }
      const query = op.querystring ? (sampleValue(op.querystring) as Record<string, unknown>) : {};
      for (const { place, texts } of op.querystring ? textPlaces(op.querystring) : []) {
        for (const text of texts) {
          const search = new URLSearchParams({ ...(query as Record<string, string>), [place.slice(1)]: text });
          await send({ method, url: `${url}?${search}`, ...goodBodyOf(op) });
        }
      }
      for (const { place, texts } of op.params ? textPlaces(op.params) : []) {
        for (const text of texts) await send({ method, url: op.url.replace(`:${place.slice(1)}`, encodeURIComponent(text)), ...goodBodyOf(op) });
      }
    }
    console.info(`plain text: ${tried} requests with injection strings where the schema takes any text`);
    expect(failures).toEqual([]);
    expect(Object.keys(await tableDigests(app.db, schema.schema))).toEqual(tablesBefore);
    for (const url of ['/api/cameras', '/api/traps', '/api/walls', '/api/vehicles', '/api/events', '/api/places']) {
      expect((await app.inject({ url, headers: admin })).statusCode, url).toBe(200);
    }
  });
});

/** The operation's good JSON body, if it takes one, so that only the query or path text is new. */
const goodBodyOf = (op: ApiOperation): Partial<InjectOptions> =>
  op.body ? { headers: { 'content-type': 'application/json' }, payload: toJson(sampleValue(op.body)) } : {};

/** The good body with `text` at a JSON-pointer place, its optional parents filled in with good values. */
function withTextAt(schema: JsonSchema, place: string, text: string): unknown {
  const body = sampleValue(schema) as Record<string, unknown>;
  const keys = place.split('/').slice(1);
  let target: Record<string, unknown> = body;
  let node: JsonSchema = schema;
  keys.forEach((key, index) => {
    const property = node.properties?.[key] ?? {};
    const branch = property.anyOf?.find((b) => b.type === 'object') ?? property;
    if (index === keys.length - 1) target[key] = text;
    else {
      target[key] ??= sampleValue(branch);
      target = target[key] as Record<string, unknown>;
      node = branch;
    }
  });
  return body;
}
