// Files of the evidence path: the package behind a download link (audited), the scanned request form (audited), and the
// deployment's public signing key (public: a court checks packages with it without an account).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ErrorReply, EvidencePublicKey, IdParams } from '../../schemas';
import type { Role } from '../../schemas';
import { evidencePaths } from '../../evidence-config';
import { HttpError, notFound } from '../../lib/http-error';
import { loadSigningKey } from '../../lib/evidence-signing-key';
import { insertAudit } from '../../repositories/audit.repository';
import { findForm, findRequest } from '../../repositories/footage-requests.repository';
import { openDownload } from '../../services/footage-requests/evidence-download.service';
import type { RequestContext } from '../../services/footage-requests/request-context';
import { maySee } from '../../services/footage-requests/request-workflow';
import { clientInfo } from '../client-info';
import { REQUEST_ROLES } from './footage-requests.routes';

const DOWNLOADERS: readonly Role[] = ['admin', 'police'];
const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply };

const NO_KEY = new HttpError(
  503,
  'No evidence signing key is configured (EVIDENCE_SIGNING_KEY_FILE)',
  'ยังไม่ได้ตั้งค่ากุญแจลงนามชุดหลักฐาน (EVIDENCE_SIGNING_KEY_FILE)',
);

const evidenceFileRoutes: FastifyPluginAsync = async (app) => {
  const { evidence } = app.config;
  // The demo makes its key at the first start; a deployment brings its own (a missing one is told, not guessed).
  const key = await loadSigningKey(evidence.signingKeyFile, { createIfMissing: evidence.createSigningKey }).catch((error) => {
    app.log.warn({ err: (error as Error).message }, 'evidence signing key not loaded');
    return null;
  });

  app.get(
    '/api/evidence/public-key',
    {
      config: { roles: 'public' },
      schema: {
        tags: ['footage requests'],
        summary: "The deployment's public key that signs evidence packages, with its SHA-256 fingerprint",
        security: [],
        response: { 200: EvidencePublicKey, 503: ErrorReply },
      },
    },
    async () => {
      if (!key) throw NO_KEY;
      return { algorithm: 'Ed25519' as const, publicKeyPem: key.publicKeyPem, fingerprint: key.fingerprint };
    },
  );

  app.get<{ Params: { token: string } }>(
    '/api/evidence-downloads/:token',
    {
      config: { roles: DOWNLOADERS },
      schema: {
        tags: ['footage requests'],
        summary: 'The package behind a download link (zip, streamed); every download is audited with user and address',
        params: Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{20,64}$' }) }),
        response: { ...errors, 410: ErrorReply },
      },
    },
    async (request, reply) => {
      const ctx = {
        db: app.db,
        redis: app.redis,
        channels: app.channels,
        user: request.user!,
        client: clientInfo(request),
        now: app.now(),
        evidence,
        jobs: app.requestJobs,
      } satisfies RequestContext;
      const opened = await openDownload(ctx, app.config.queuePrefix, request.params.token);
      return reply
        .type('application/zip')
        .header('content-length', opened.bytes)
        .header('content-disposition', `attachment; filename="${opened.fileName}"`)
        .header('x-content-sha256', opened.sha256)
        .header('cache-control', 'private, no-store')
        .send(opened.stream);
    },
  );

  app.get<{ Params: IdParams }>(
    '/api/footage-requests/:id/form',
    {
      config: { roles: REQUEST_ROLES },
      schema: {
        tags: ['footage requests'],
        summary: 'The scanned paper form of a walk-in request (audited view)',
        params: IdParams,
        response: errors,
      },
    },
    async (request: FastifyRequest<{ Params: IdParams }>, reply) => {
      const stored = await findRequest(app.db, request.params.id);
      if (!stored || !maySee(request.user!, stored)) {
        throw notFound(`Footage request ${request.params.id}`, `คำขอหมายเลข ${request.params.id}`);
      }
      const form = await findForm(app.db, stored.id);
      if (!form) throw notFound('The paper form of this request', 'แบบคำขอของคำขอนี้');
      const body = await readFile(path.join(evidencePaths(evidence).forms, form.path));
      await insertAudit(app.db, {
        userId: request.user!.id,
        username: request.user!.username,
        action: 'footage-request.form.view',
        target: `footage-request:${stored.id}`,
        detail: { reference: stored.reference, sha256: form.sha256 },
        ...clientInfo(request),
      });
      return reply.type(form.mediaType).header('cache-control', 'private, no-store').send(body);
    },
  );
};

export default evidenceFileRoutes;
