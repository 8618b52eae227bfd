// Refuses, at the door, text PostgreSQL cannot store: a NUL character anywhere in a request's path params, query
// string or body (JSON, form, CSV or plain text), before validation and before any handler touches the database.
import fp from 'fastify-plugin';
import { HttpError } from '../lib/http-error';
import { findNul } from '../lib/find-nul';

export default fp(async (app) => {
  app.addHook('preValidation', async (request) => {
    const parts = [
      ['path', request.params],
      ['query', request.query],
      ['body', request.body],
    ] as const;
    for (const [part, value] of parts) {
      const at = findNul(value);
      if (at === null) continue;
      throw new HttpError(
        400,
        `The ${part} contains a NUL character (\\u0000) at ${at}; text may not contain it`,
        `ข้อมูลใน ${part} มีอักขระ NUL (\\u0000) ที่ ${at} ซึ่งไม่อนุญาตในข้อความ`,
      );
    }
  });
});
