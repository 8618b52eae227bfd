import { describe, expect, it } from 'vitest';
import type { Role } from '../schemas';
import { ADMINS, ALL_ROLES, OPERATORS } from '../plugins/types';
import { authorize } from './authorize';

const user = (role: Role) => ({ id: 1, username: role, displayName: role, role });

describe('authorize', () => {
  it('lets anyone through a public route', () => expect(authorize('public', null)).toBeNull());

  it('asks for a login when there is no session', () => expect(authorize(ALL_ROLES, null)?.statusCode).toBe(401));

  it.each([
    ['admin', ADMINS, null],
    ['operator', ADMINS, 403],
    ['viewer', ADMINS, 403],
    ['operator', OPERATORS, null],
    ['police', OPERATORS, 403],
    ['planner', OPERATORS, 403],
    ['viewer', OPERATORS, 403],
    ['viewer', ALL_ROLES, null],
  ] as const)('%s on a route for %j → %s', (role, roles, status) => {
    expect(authorize(roles, user(role))?.statusCode ?? null).toBe(status);
  });
});
