// Where a request came from, for the audit log.
import type { FastifyRequest } from 'fastify';
import type { ClientInfo } from '../services/auth.service';

export const clientInfo = (request: FastifyRequest): ClientInfo => ({
  ip: request.ip ?? null,
  userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
});
