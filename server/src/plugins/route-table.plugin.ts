// The server's own route table (method, URL, declared roles, schemas), kept from the onRoute hook: fastify has no
// public way to list its routes, and the security tests compare it with the OpenAPI document.
import fp from 'fastify-plugin';
import type { FastifySchema, RouteOptions } from 'fastify';
import type { RouteRoles } from './types';

export interface RouteTableEntry {
  method: string;
  url: string;
  roles: RouteRoles | undefined;
  schema: FastifySchema | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered after this plugin, one entry per method (HEAD routes fastify adds included). */
    routeTable: () => RouteTableEntry[];
  }
}

export default fp(async (app) => {
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  // Read on demand: hooks added later (the auth plugin's) may still fill in a route's options.
  app.decorate('routeTable', () =>
    routes.flatMap((route) =>
      (Array.isArray(route.method) ? route.method : [route.method]).map((method) => ({
        method,
        url: route.url,
        roles: route.config?.roles,
        schema: route.schema,
      })),
    ),
  );
});
