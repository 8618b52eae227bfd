// Declares each client→server socket message with its roles and schema; checks both before the handler runs.
import type { Socket } from 'socket.io';
import type { TSchema, Static } from 'typebox';
import { Compile } from 'typebox/compile';
import type { Ack, ClientToServerEvents, Role, ServerToClientEvents, User } from '../schemas';

export interface SocketData {
  user: User;
  /** SHA-256 of the session token (hex): which session this socket lives on, checked again while it is open. */
  tokenHash: string;
  types: Set<string>;
}
export type TocSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface SocketMessage<S extends TSchema> {
  name: keyof ClientToServerEvents;
  roles: readonly Role[];
  schema: S;
  handle: (socket: TocSocket, body: Static<S>) => Promise<Ack>;
}

export function defineMessage<S extends TSchema>(message: SocketMessage<S>): SocketMessage<S> {
  return message;
}

export function bindMessage<S extends TSchema>(socket: TocSocket, message: SocketMessage<S>): void {
  const validator = Compile(message.schema);
  const listener = async (body: unknown, ack: unknown) => {
    const reply = typeof ack === 'function' ? (ack as (a: Ack) => void) : () => undefined;
    if (!message.roles.includes(socket.data.user.role)) {
      return reply({ ok: false, error: `forbidden for role ${socket.data.user.role}` });
    }
    if (!validator.Check(body)) {
      const reason = [...validator.Errors(body)].map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
      return reply({ ok: false, error: `invalid ${message.name}: ${reason}` });
    }
    try {
      reply(await message.handle(socket, body as Static<S>));
    } catch (error) {
      reply({ ok: false, error: (error as Error).message });
    }
  };
  socket.on(message.name, listener as never);
}
