// Camera traps: admins register, change, retire and re-key them; a trap posts still images with its key and gets the
// detections back.
import { Queue, QueueEvents } from 'bullmq';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import {
  ErrorReply,
  IdParams,
  QUEUES,
  Trap,
  TrapCreate,
  TrapCreated,
  TrapImageResult,
  TrapUpdate,
  type TrapImageJob,
} from '../../schemas';
import { listTraps } from '../../repositories/traps.repository';
import {
  authenticateTrap,
  changeTrap,
  registerTrap,
  rotateTrapKey,
  storeTrapImage,
} from '../../services/traps.service';
import { ADMINS, ALL_ROLES } from '../../plugins/types';
import { closeWithin } from '../../lib/close-within';

/** A graceful shutdown waits this long for the trap queue's connections, then drops them. */
const CLOSE_LIMIT_MS = 2000;
const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply };
const Accepted = Type.Object({ jobId: Type.String(), status: Type.Literal('queued') });

const trapRoutes: FastifyPluginAsync = async (app) => {
  const connection = { url: app.config.redisUrl, maxRetriesPerRequest: null };
  const prefix = app.config.queuePrefix;
  const queue = new Queue<TrapImageJob>(QUEUES.trapImages, { connection, prefix });
  const queueEvents = new QueueEvents(QUEUES.trapImages, { connection, prefix });
  app.addHook('onClose', async () => {
    await Promise.allSettled([closeWithin(queue, CLOSE_LIMIT_MS), closeWithin(queueEvents, CLOSE_LIMIT_MS)]);
  });

  // Images arrive as the raw request body; anything else gets fastify's 415.
  app.addContentTypeParser(
    ['image/jpeg', 'image/png'],
    { parseAs: 'buffer', bodyLimit: app.config.trapImageMaxBytes },
    (_request, body, done) => done(null, body),
  );

  app.get(
    '/api/traps',
    {
      config: { roles: ALL_ROLES },
      schema: { tags: ['traps'], response: { 200: Type.Array(Trap), ...errors } },
    },
    async () => listTraps(app.db),
  );

  app.post<{ Body: TrapCreate }>(
    '/api/traps',
    {
      config: { roles: ADMINS },
      schema: { tags: ['traps'], body: TrapCreate, response: { 201: TrapCreated, ...errors } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await registerTrap({ db: app.db, user: request.user!, ip: request.ip }, request.body)),
  );

  app.patch<{ Params: IdParams; Body: TrapUpdate }>(
    '/api/traps/:id',
    {
      config: { roles: ADMINS },
      schema: {
        tags: ['traps'],
        summary: 'Rename, move, retire (enabled: false) or bring back a trap',
        params: IdParams,
        body: TrapUpdate,
        response: { 200: Trap, ...errors },
      },
    },
    async (request) =>
      changeTrap({ db: app.db, user: request.user!, ip: request.ip }, request.params.id, request.body),
  );

  app.post<{ Params: IdParams }>(
    '/api/traps/:id/rotate-key',
    {
      config: { roles: ADMINS },
      schema: {
        tags: ['traps'],
        summary: 'Give the trap a new key (shown only this once); the old one stops working',
        params: IdParams,
        response: { 200: TrapCreated, ...errors },
      },
    },
    async (request) => rotateTrapKey({ db: app.db, user: request.user!, ip: request.ip }, request.params.id),
  );

  app.post<{ Params: IdParams; Body: Buffer }>(
    '/api/traps/:id/images',
    {
      // The trap authenticates with its own key, not a user session.
      config: { roles: 'public' },
      bodyLimit: app.config.trapImageMaxBytes,
      schema: {
        tags: ['traps'],
        security: [{ trapKey: [] }],
        consumes: ['image/jpeg', 'image/png'],
        params: IdParams,
        headers: Type.Object({ 'x-trap-key': Type.Optional(Type.String({ maxLength: 200 })) }),
        response: { 200: TrapImageResult, 202: Accepted, ...errors, 413: ErrorReply, 415: ErrorReply },
      },
    },
    async (request, reply) => {
      const trap = await authenticateTrap(
        app.db,
        request.params.id,
        request.headers['x-trap-key'] as string | undefined,
      );
      const receivedAt = app.now();
      const imagePath = await storeTrapImage(
        { db: app.db, snapshotDir: app.config.snapshotDir },
        trap,
        request.body,
        receivedAt,
      );
      const job = await queue.add(
        'trap-image',
        { trapId: trap.id, imagePath, receivedAt: receivedAt.toISOString() },
        {
          removeOnComplete: { age: 3600 },
          removeOnFail: { age: 86400 },
          attempts: 3,
          backoff: { type: 'exponential', delay: 2000 },
        },
      );
      try {
        const result = (await job.waitUntilFinished(
          queueEvents,
          app.config.trapWaitSeconds * 1000,
        )) as TrapImageResult;
        return reply.status(200).send(result);
      } catch {
        // Still queued or retrying: the image is stored and will be processed; tell the trap it was accepted.
        return reply.status(202).send({ jobId: job.id!, status: 'queued' as const });
      }
    },
  );
};

export default trapRoutes;
