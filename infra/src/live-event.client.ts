// Logs in through the API and waits for a live event over socket.io (used by the smoke run and the tests).
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, Event, EventType, ServerToClientEvents } from '@toc/server/schemas';

export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`login as ${username} failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

export function waitForLiveEvent(
  baseUrl: string,
  token: string,
  options: { type: EventType; timeoutMs: number; accept?: (event: Event) => boolean },
): Promise<Event> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(baseUrl, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
  });
  return new Promise<Event>((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`no live ${options.type} event within ${options.timeoutMs} ms`)), options.timeoutMs);
    const finish = (result: Event | Error) => {
      clearTimeout(timer);
      socket.close();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    socket.on('connect_error', (error) => finish(new Error(`socket connection failed: ${error.message}`)));
    socket.on('event', (event) => {
      if (event.type === options.type && (options.accept?.(event) ?? true)) finish(event);
    });
  });
}
