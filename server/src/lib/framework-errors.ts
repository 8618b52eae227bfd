// Bilingual replies to the errors Fastify's router raises before any route or error handler runs.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

interface RouterRefusal {
  statusCode: number;
  error: string;
  message: string;
  messageTh: string;
}

const REFUSALS: Record<string, RouterRefusal> = {
  // find-my-way's 100-character limit per path parameter; the path itself is not echoed (it may be megabytes).
  FST_ERR_MAX_PARAM_LENGTH: {
    statusCode: 414,
    error: 'URI Too Long',
    message: 'a part of the address (URL path) is longer than 100 characters',
    messageTh: 'ส่วนหนึ่งของที่อยู่ (URL) ยาวเกิน 100 ตัวอักษร',
  },
  FST_ERR_BAD_URL: {
    statusCode: 400,
    error: 'Bad Request',
    message: 'the address (URL path) is not validly percent-encoded',
    messageTh: 'ที่อยู่ (URL) เข้ารหัสไม่ถูกต้อง',
  },
};

const UNKNOWN_REFUSAL: RouterRefusal = {
  statusCode: 400,
  error: 'Bad Request',
  message: 'the request could not be routed',
  messageTh: 'ไม่สามารถส่งต่อคำขอนี้ได้',
};

/** For `Fastify({ frameworkErrors })`: without it these errors bypass the error handler and reply in English only. */
export function replyToFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const refusal = REFUSALS[error.code] ?? UNKNOWN_REFUSAL;
  request.log.info({ code: error.code }, 'router refused the request');
  void reply.status(refusal.statusCode).send(refusal);
}
