// Escalation policies: operators read how long each alarm type may wait; admins change it (audited).
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { ErrorReply, EscalationPolicy, EscalationPolicyInput, EscalationTypeParams } from '../../schemas';
import { findEscalationPolicy, listEscalationPolicies, upsertEscalationPolicy } from '../../repositories/escalations.repository';
import { insertAudit } from '../../repositories/audit.repository';
import { ADMINS, OPERATORS } from '../../plugins/types';

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply };

const escalationRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/api/escalation-policies',
    { config: { roles: OPERATORS }, schema: { tags: ['events'], response: { 200: Type.Array(EscalationPolicy), ...errors } } },
    async () => listEscalationPolicies(app.db),
  );

  app.put<{ Params: EscalationTypeParams; Body: EscalationPolicyInput }>(
    '/api/escalation-policies/:type',
    {
      config: { roles: ADMINS },
      schema: { tags: ['events'], params: EscalationTypeParams, body: EscalationPolicyInput, response: { 200: EscalationPolicy, ...errors } },
    },
    async (request) => {
      const { type } = request.params;
      const before = await findEscalationPolicy(app.db, type);
      const policy = await upsertEscalationPolicy(app.db, type, request.body, request.user!.id);
      await insertAudit(app.db, {
        userId: request.user!.id,
        username: request.user!.username,
        action: 'escalation-policy.update',
        target: `escalation-policy:${type}`,
        detail: {
          before: before && { afterMin: before.afterMin, raiseTo: before.raiseTo, enabled: before.enabled },
          after: request.body,
        },
        ip: request.ip,
      });
      return policy;
    },
  );
};

export default escalationRoutes;
