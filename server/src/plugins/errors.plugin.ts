// Turns every error into a clear bilingual reply; validation errors become 400 with the reason.
import { STATUS_CODES } from 'node:http';
import fp from 'fastify-plugin';
import type { FastifyError } from 'fastify';
import { HttpError } from '../lib/http-error';
import { DATA_EXCEPTION_REPLY, isPgDataException } from '../lib/pg-data-error';

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

export default fp(async (app) => {
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
