// OpenAPI description of the REST API, browsable at /docs. Each operation carries the roles its route declares
// (`x-roles`), so the document itself says who may call what; public operations need no bearer token.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import type { FastifySchema, RouteOptions } from 'fastify';

/** The route's schema as the document shows it: its declared roles added, and no login asked of public routes. */
export function documentedSchema(schema: FastifySchema | undefined, route: Pick<RouteOptions, 'config'>): FastifySchema | undefined {
  if (!schema) return schema;
  const roles = route.config?.roles ?? null;
  // Device routes name their own scheme (device or trap key); other public routes need none.
  const security = roles === 'public' && schema.security === undefined ? { security: [] } : {};
  return { ...schema, ...security, 'x-roles': roles } as unknown as FastifySchema;
}

export default fp(async (app) => {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Traffic Operations Center API',
        description: 'Cameras, events and realtime for the Chachoengsao command center',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          deviceKey: { type: 'apiKey', in: 'header', name: 'X-Device-Key', description: 'A GPS device key' },
          deviceKeyQuery: { type: 'apiKey', in: 'query', name: 'key', description: 'A GPS device key (OsmAnd clients)' },
          trapKey: { type: 'apiKey', in: 'header', name: 'X-Trap-Key', description: 'A camera trap key' },
        },
      },
      security: [{ bearer: [] }],
    },
    transform: ({ schema, url, route }) => ({ schema: documentedSchema(schema, route) as FastifySchema, url }),
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
});
