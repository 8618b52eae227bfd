// Test helper: the operations of the OpenAPI document (method × path) with the roles each declares (`x-roles`), its
// security, and its route's own schemas from the server's route table.
import type { FastifyInstance } from 'fastify';
import type { RouteRoles } from '../src/plugins/types';
import type { RouteTableEntry } from '../src/plugins/route-table.plugin';
import type { JsonSchema } from './schema-samples';

interface OpenApiOperation {
  'x-roles'?: RouteRoles | null;
  security?: Record<string, string[]>[];
  requestBody?: { content: Record<string, unknown> };
}
interface OpenApiDocument {
  security?: Record<string, string[]>[];
  paths: Record<string, Record<string, OpenApiOperation>>;
}

export interface ApiOperation {
  method: string;
  /** As the document writes it: /api/cameras/{id} */
  path: string;
  /** As fastify matches it: /api/cameras/:id */
  url: string;
  /** What the document says (`x-roles`); undefined when it says nothing. */
  roles: RouteRoles | undefined;
  /** Security schemes the operation accepts (empty: none; the document's default otherwise). */
  securitySchemes: string[];
  /** Media types of the request body ([] for none). */
  consumes: string[];
  params?: JsonSchema;
  querystring?: JsonSchema;
  body?: JsonSchema;
  headers?: JsonSchema;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'options', 'head']);
export const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
export const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

/** Routes of the server as the route table has them, HEAD routes that fastify adds for GETs left out. */
export function serverRoutes(app: FastifyInstance): RouteTableEntry[] {
  return app.routeTable().filter((route) => route.method !== 'HEAD');
}

export function apiOperations(app: FastifyInstance): ApiOperation[] {
  const document = app.swagger() as unknown as OpenApiDocument;
  const routes = new Map(serverRoutes(app).map((route) => [routeKey(route.method, openApiPath(route.url)), route]));
  const operations: ApiOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!HTTP_METHODS.has(method)) continue;
      const route = routes.get(routeKey(method, path));
      const schema = (route?.schema ?? {}) as Record<string, unknown>;
      const body = schema.body as JsonSchema | undefined;
      const declared = schema.consumes as string[] | undefined;
      const security = operation.security ?? document.security ?? [];
      operations.push({
        method: method.toUpperCase(),
        path,
        url: route?.url ?? path.replace(/\{([^}]+)\}/g, ':$1'),
        roles: operation['x-roles'] ?? undefined,
        securitySchemes: security.flatMap((requirement) => Object.keys(requirement)),
        consumes: declared ?? (body ? ['application/json'] : []),
        params: schema.params as JsonSchema | undefined,
        querystring: schema.querystring as JsonSchema | undefined,
        body,
        headers: schema.headers as JsonSchema | undefined,
      });
    }
  }
  return operations;
}
