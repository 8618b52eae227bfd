// A test camera created by an admin through the real cameras API (not streamed: disabled, unreachable address).
import { expect } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';

/** Sends a request as the given role (the fixtures' `as`). */
type AsAdmin = (role: 'admin', request: InjectOptions) => Promise<LightMyRequestResponse>;

/** The new camera's id; fails the test unless the API created it. */
export async function createApiCamera(as: AsAdmin, name: string, nameTh = `กล้อง ${name}`): Promise<number> {
  const reply = await as('admin', {
    method: 'POST',
    url: '/api/cameras',
    payload: {
      name,
      nameTh,
      location: { lon: 101.07, lat: 13.69 },
      headingDeg: 90,
      fovDeg: 60,
      rtspUrl: 'rtsp://127.0.0.1:9/c',
      enabled: false,
    },
  });
  expect(reply.statusCode, reply.body).toBe(201);
  return reply.json<{ id: number }>().id;
}
