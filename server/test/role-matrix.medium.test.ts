// Medium: the role matrix, generated from the OpenAPI document. Every operation (method × path) is called by every
// role and without credentials, with a harmless request (an id that does not exist, an empty body), and must answer as
// the roles its route declares say: allowed → not 401/403, refused → 403, anonymous → 401, public → never 401/403
// (device routes may refuse a device, the same way for every caller). Every route must declare its roles, and the
// document must list every API route of the server. No reply to a non-admin shows a server file path.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../src/app';
import { REPO_ROOT } from '../src/config';
import { ALL_ROLES } from '../src/plugins/types';
import type { Role } from '../src/schemas';
import { apiOperations, openApiPath, routeKey, serverRoutes, type ApiOperation } from './api-operations';
import { sampleValue } from './schema-samples';
import { createTestSchema, rolePassword, roleTokens, testConfig } from './test-env';

type Principal = Role | 'anonymous';
const PRINCIPALS: readonly Principal[] = [...ALL_ROLES, 'anonymous'];
/** Routes outside the document are public by rule (the auth plugin fills it in): a stranger and one user suffice. */
const OTHER_ROUTE_PRINCIPALS: readonly Principal[] = ['anonymous', 'viewer'];
/** Security schemes of device routes: the caller is a GPS device or a camera trap, not a user. */
const DEVICE_SCHEMES = new Set(['deviceKey', 'deviceKeyQuery', 'trapKey']);
const NO_SUCH_ID = 999_999;

let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let snapshotDir: string;
let tokens: Record<Role, string>;
let serverPaths: string[];

beforeAll(async () => {
  schema = await createTestSchema();
  snapshotDir = await mkdtemp(path.join(tmpdir(), 'toc-matrix-snapshots-'));
  // Shared data that is not there: a route that would name the missing file in its reply shows up as a leak.
  const sharedDir = path.join(REPO_ROOT, '.no-shared-data-here');
  app = await buildApp(testConfig(schema.databaseUrl, { sharedDir, snapshotDir }));
  await app.ready();
  tokens = await roleTokens(app, ALL_ROLES);
  serverPaths = [snapshotDir, sharedDir, app.config.webDistDir, REPO_ROOT];
});

afterAll(async () => {
  await app?.close();
  await schema?.drop();
  if (snapshotDir) await rm(snapshotDir, { recursive: true, force: true });
});

/** Path parameters that name nothing, the required query fields, and an empty body of the first type it takes. */
function harmlessRequest(operation: Pick<ApiOperation, 'method' | 'url' | 'params' | 'querystring' | 'consumes'>): InjectOptions {
  const params = operation.params?.properties ?? {};
  const url = operation.url.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => {
    const param = params[name];
    if (param?.enum) return encodeURIComponent(String(param.enum[0]));
    return param?.type === 'integer' ? String(NO_SUCH_ID) : 'no-such-thing';
  }).replace('*', 'index.html');
  const query = operation.querystring ? (sampleValue(operation.querystring) as Record<string, unknown>) : {};
  const search = new URLSearchParams(Object.entries(query).map(([key, value]): [string, string] => [key, String(value)])).toString();
  const request: InjectOptions = { method: operation.method as InjectOptions['method'], url: search ? `${url}?${search}` : url };
  const [type] = operation.consumes;
  if (type === undefined || operation.method === 'GET') return request;
  const json = operation.consumes.includes('application/json');
  return { ...request, headers: { 'content-type': json ? 'application/json' : type }, payload: json ? '{}' : '' };
}

async function keepSignedIn(role: Role): Promise<void> {
  const me = await app.inject({ url: '/api/me', headers: { authorization: `Bearer ${tokens[role]}` } });
  if (me.statusCode === 200) return;
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: role, password: rolePassword(role) } });
  expect(login.statusCode, login.body).toBe(200);
  tokens = { ...tokens, [role]: login.json<{ token: string }>().token };
}

function expectationFor(operation: ApiOperation, principal: Principal): string | null {
  const { roles } = operation;
  if (roles === undefined) return 'no declared roles';
  if (roles === 'public') return null;
  if (principal === 'anonymous') return '401';
  return roles.includes(principal) ? 'not 401/403' : '403';
}

describe('role matrix', () => {
  it('has every route declare its roles, and the document list every API route with the same roles', () => {
    const routes = serverRoutes(app);
    expect(routes.filter((route) => route.roles === undefined).map((r) => routeKey(r.method, r.url))).toEqual([]);
    const operations = apiOperations(app);
    expect(operations.filter((op) => op.roles === undefined).map((op) => routeKey(op.method, op.path))).toEqual([]);
    const documented = new Map(operations.map((op) => [routeKey(op.method, op.path), op]));
    const apiRoutes = routes.filter((route) => route.url.startsWith('/api'));
    const undocumented = apiRoutes.filter((route) => !documented.has(routeKey(route.method, openApiPath(route.url))));
    expect(undocumented.map((r) => routeKey(r.method, r.url)), 'API routes missing from the OpenAPI document').toEqual([]);
    expect(operations.length).toBeGreaterThanOrEqual(apiRoutes.length);
    const differing = apiRoutes.filter(
      (route) => JSON.stringify(documented.get(routeKey(route.method, openApiPath(route.url)))?.roles) !== JSON.stringify(route.roles),
    );
    expect(differing.map((r) => routeKey(r.method, r.url)), 'x-roles differs from the route').toEqual([]);
  });

  it('answers every operation and every other route as its roles say, for every role and without credentials', async () => {
    const operations = apiOperations(app);
    const documented = new Set(operations.map((op) => routeKey(op.method, op.path)));
    // Routes outside the document (health checks, the docs page, the web app) are public: they are called too.
    const others: ApiOperation[] = serverRoutes(app)
      .filter((route) => !documented.has(routeKey(route.method, openApiPath(route.url))))
      .map((route) => ({ method: route.method, path: route.url, url: route.url, roles: route.roles, securitySchemes: [], consumes: [] }));
    expect(others.every((route) => !route.url.startsWith('/api'))).toBe(true);

    const failures: string[] = [];
    const leaks: string[] = [];
    let checks = 0;
    for (const operation of [...operations, ...others]) {
      const request = harmlessRequest(operation);
      const statuses = new Map<Principal, number>();
      for (const principal of others.includes(operation) ? OTHER_ROUTE_PRINCIPALS : PRINCIPALS) {
        const auth = principal === 'anonymous' ? {} : { authorization: `Bearer ${tokens[principal]}` };
        const reply = await app.inject({ ...request, headers: { ...request.headers, ...auth } });
        checks++;
        statuses.set(principal, reply.statusCode);
        const where = `${principal} ${operation.method} ${operation.path} → ${reply.statusCode}`;
        const expected = expectationFor(operation, principal);
        const refused = reply.statusCode === 401 || reply.statusCode === 403;
        if (expected === 'no declared roles') failures.push(`${where}: the route declares no roles`);
        if (expected === '401' && reply.statusCode !== 401) failures.push(`${where}, expected 401`);
        if (expected === '403' && reply.statusCode !== 403) failures.push(`${where}, expected 403`);
        if (expected === 'not 401/403' && refused) failures.push(`${where}, expected the role to pass (${reply.body.slice(0, 120)})`);
        if (principal !== 'admin') leaks.push(...serverPaths.filter((dir) => reply.body.includes(dir)).map((dir) => `${where} shows ${dir}`));
        // A write that went through may have ended this session (logout): sign in again if so.
        if (principal !== 'anonymous' && request.method !== 'GET' && reply.statusCode < 300) await keepSignedIn(principal);
      }
      if (operation.roles === 'public') {
        const device = operation.securitySchemes.some((scheme) => DEVICE_SCHEMES.has(scheme));
        const answers = [...statuses.values()];
        // The user's credentials change nothing on a public route; only a device route may refuse (its device).
        if (new Set(answers).size !== 1) failures.push(`public ${operation.method} ${operation.path} answers differ by caller: ${JSON.stringify([...statuses])}`);
        if (!device && answers.some((status) => status === 401 || status === 403)) {
          failures.push(`public ${operation.method} ${operation.path} refused a caller: ${JSON.stringify([...statuses])}`);
        }
      }
    }
    console.info(
      `role matrix: ${operations.length} documented operations × ${PRINCIPALS.length} principals + ${others.length} other routes × ` +
        `${OTHER_ROUTE_PRINCIPALS.length} principals = ${checks} route × principal checks`,
    );
    expect(failures).toEqual([]);
    expect(leaks, 'server file paths shown to non-admins').toEqual([]);
    expect(checks).toBe(operations.length * PRINCIPALS.length + others.length * OTHER_ROUTE_PRINCIPALS.length);
  });
});
