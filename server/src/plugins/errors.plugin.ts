// Turns every error into a clear bilingual reply; validation errors become 400 with the reason.
import { STATUS_CODES } from 'node:http';
import fp from 'fastify-plugin';
import type { FastifyError } from 'fastify';
import { HttpError } from '../lib/http-error';
import { DATA_EXCEPTION_REPLY, isPgDataException } from '../lib/pg-data-error';
import { storeEndpoints, storeOutage, type Store } from '../lib/store-outage';

const STATUS_TH: Record<number, string> = {
  400: 'ข้อมูลไม่ถูกต้อง',
  401: 'กรุณาเข้าสู่ระบบ',
  403: 'ไม่มีสิทธิ์',
  404: 'ไม่พบข้อมูล',
  409: 'สถานะขัดแย้ง',
  413: 'ข้อมูลมีขนาดใหญ่เกินไป',
  415: 'ชนิดข้อมูลไม่รองรับ',
  429: 'มีคำขอมากเกินไป',
};

const OUTAGE_REPLY: Record<Store, { message: string; messageTh: string }> = {
  database: {
    message: 'The database cannot be reached at the moment; please try again shortly',
    messageTh: 'ขณะนี้ติดต่อฐานข้อมูลไม่ได้ กรุณาลองใหม่อีกครั้งในอีกสักครู่',
  },
  redis: {
    message: 'The message service (Redis) cannot be reached at the moment; please try again shortly',
    messageTh: 'ขณะนี้ติดต่อบริการรับส่งข้อความ (Redis) ไม่ได้ กรุณาลองใหม่อีกครั้งในอีกสักครู่',
  },
};
/** Seconds a client is asked to wait after an outage reply: about one reconnect of the pool. */
const OUTAGE_RETRY_AFTER_S = 5;

export default fp(async (app) => {
  const endpoints = storeEndpoints(app.config.databaseUrl, app.config.redisUrl);
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      return reply.status(error.statusCode).send({
        statusCode: error.statusCode,
        error: STATUS_CODES[error.statusCode] ?? 'Error',
        message: error.message,
        messageTh: error.messageTh,
      });
    }
    if ('validation' in error && error.validation) {
      return reply.status(400).send({
        statusCode: 400,
        error: 'Bad Request',
        message: error.message,
        messageTh: `${STATUS_TH[400]}: ${error.message}`,
      });
    }
    if (isPgDataException(error)) {
      // A safety net only: the route's schema should have refused the value, so the gap is logged to be closed.
      request.log.warn({ err: error }, 'database refused a value the schema let through');
      return reply.status(400).send({ statusCode: 400, error: 'Bad Request', ...DATA_EXCEPTION_REPLY });
    }
    const outage = storeOutage(error, endpoints);
    if (outage) {
      request.log.warn({ err: error.message, store: outage }, 'store unavailable');
      return reply
        .status(503)
        .header('retry-after', String(OUTAGE_RETRY_AFTER_S))
        .send({ statusCode: 503, error: 'Service Unavailable', ...OUTAGE_REPLY[outage] });
    }
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.status(status).send({
      statusCode: status,
      error: STATUS_CODES[status] ?? 'Error',
      message: status >= 500 ? 'Internal error' : error.message,
      messageTh: STATUS_TH[status] ?? 'เกิดข้อผิดพลาดภายในระบบ',
    });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      statusCode: 404,
      error: 'Not Found',
      message: `${request.method} ${request.url.split('?')[0]} not found`,
      messageTh: STATUS_TH[404],
    }),
  );
});
