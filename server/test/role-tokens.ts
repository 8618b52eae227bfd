// Medium-test users: one per role, named after it, signed in through the real login route for app.inject headers.
import type { FastifyInstance } from 'fastify';
import { upsertUser } from '../src/repositories/users.repository';
import { hashPassword } from '../src/services/passwords';
import type { Role } from '../src/schemas';

/** The station of the `police` test user (a police user always belongs to one). */
export const TEST_STATION = 'สภ.เมืองฉะเชิงเทรา';

/** The password of the user named after a role. */
export const rolePassword = (role: Role) => `pw-${role}`;

/** Creates (or resets) a user per role and signs each in; the bearer token of each. */
export async function roleTokens<R extends Role>(app: FastifyInstance, roles: readonly R[]): Promise<Record<R, string>> {
  const tokens = {} as Record<R, string>;
  for (const role of roles) {
    await upsertUser(app.db, {
      username: role,
      displayName: role,
      role,
      passwordHash: await hashPassword(rolePassword(role)),
      station: role === 'police' ? TEST_STATION : null,
    });
    const reply = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: role, password: rolePassword(role) } });
    if (reply.statusCode !== 200) throw new Error(`signing in as ${role} failed: ${reply.statusCode} ${reply.body}`);
    tokens[role] = reply.json<{ token: string }>().token;
  }
  return tokens;
}
