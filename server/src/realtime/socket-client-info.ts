// Where a socket came from, for the audit log (the same fields an HTTP request gives).
import type { ClientInfo } from '../services/auth.service';
import type { TocSocket } from './socket-handlers';

export const socketClientInfo = (socket: TocSocket): ClientInfo => ({
  ip: socket.handshake.address || null,
  userAgent: socket.handshake.headers['user-agent']?.slice(0, 300) ?? null,
});
