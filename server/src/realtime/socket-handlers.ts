// Declares each client→server socket message with its roles and schema; checks both before the handler runs.
import type { Socket } from 'socket.io';
import type { TSchema, Static } from 'typebox';
import { Compile } from 'typebox/compile';
import type { Ack, ClientToServerEvents, Role, ServerToClientEvents, SessionUser } from '../schemas';
import { findNul } from '../lib/find-nul';
import { HttpError } from '../lib/http-error';

export interface SocketData {
  user: SessionUser;
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

/** A handler's unexpected failure: logged by the caller, answered with a reason that shows nothing of the server. */
export type SocketErrorLog = (error: unknown, message: string) => void;

const INTERNAL_ERROR = 'Internal error; try again / เกิดข้อผิดพลาดภายในระบบ กรุณาลองใหม่';

/** Checks the caller's role, then the body (no NUL, the schema), before the handler; every refusal in English and Thai. */
export function bindMessage<S extends TSchema>(socket: TocSocket, message: SocketMessage<S>, logError: SocketErrorLog): void {
  const validator = Compile(message.schema);
  const listener = async (body: unknown, ack: unknown) => {
    const reply = typeof ack === 'function' ? (ack as (a: Ack) => void) : () => undefined;
    const { role } = socket.data.user;
    if (!message.roles.includes(role)) {
      return reply({ ok: false, error: `${message.name} is not allowed for the ${role} role / บทบาท ${role} ไม่มีสิทธิ์ใช้ ${message.name}` });
    }
    const nulAt = findNul(body);
    if (nulAt !== null) {
      return reply({
        ok: false,
        error: `invalid ${message.name}: ${nulAt} contains a NUL character / ข้อมูล ${message.name} ไม่ถูกต้อง: ${nulAt} มีอักขระ NUL`,
      });
    }
    if (!validator.Check(body)) {
      const reason = [...validator.Errors(body)].map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
      return reply({ ok: false, error: `invalid ${message.name}: ${reason} / ข้อมูล ${message.name} ไม่ถูกต้อง: ${reason}` });
    }
    try {
      reply(await message.handle(socket, body as Static<S>));
    } catch (error) {
      if (error instanceof HttpError) return reply({ ok: false, error: `${error.message} / ${error.messageTh}` });
      logError(error, message.name);
      reply({ ok: false, error: INTERNAL_ERROR });
    }
  };
  socket.on(message.name, listener as never);
}
