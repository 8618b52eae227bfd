// Each route takes only the body types it declares (`schema.consumes`, JSON when it declares none): the parsers a
// route's plugin registers (CSV, zip, images, fastify's own text/plain) would otherwise serve every route beside it.
import fp from 'fastify-plugin';
import { HttpError } from '../lib/http-error';

const DEFAULT_CONSUMES: readonly string[] = ['application/json'];
const BODYLESS_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `text/CSV; charset=utf-8` → `text/csv`. */
export const mediaTypeOf = (contentType: string): string => contentType.split(';')[0]!.trim().toLowerCase();

export default fp(async (app) => {
  app.addHook('onRequest', async (request) => {
    const contentType = request.headers['content-type'];
    // No route (a 404 follows), no body to parse, or no declared type: fastify's own rules apply.
    if (request.routeOptions.url === undefined || BODYLESS_METHODS.has(request.method) || contentType === undefined) return;
    const consumes = (request.routeOptions.schema?.consumes as readonly string[] | undefined) ?? DEFAULT_CONSUMES;
    const type = mediaTypeOf(contentType);
    if (consumes.includes(type)) return;
    throw new HttpError(
      415,
      `${request.method} ${request.routeOptions.url} does not accept ${type}; send ${consumes.join(' or ')}`,
      `${request.method} ${request.routeOptions.url} ไม่รับข้อมูลชนิด ${type} กรุณาส่งเป็น ${consumes.join(' หรือ ')}`,
    );
  });
});
