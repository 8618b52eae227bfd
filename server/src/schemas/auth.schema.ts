// Login, session and the current user.
import { Type, type Static } from 'typebox';
import { Role } from './common.schema';

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const User = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: Role,
});
export type User = Static<typeof User>;

/** The signed-in user as `/api/me` and the login reply give it: with whether a password change is due first. */
export const SessionUser = Type.Object({
  ...User.properties,
  station: Type.Union([Type.String(), Type.Null()], { description: 'Police station of a police user; null for others' }),
  mustChangePassword: Type.Boolean({
    description: 'A temporary password is in use: until it is changed (POST /api/me/password) every other API route answers 403',
  }),
});
export type SessionUser = Static<typeof SessionUser>;

export const LoginReply = Type.Object({
  token: Type.String({ description: 'Bearer token; also set as the HTTP-only cookie `toc_session`' }),
  expiresAt: Type.String({ format: 'date-time' }),
  user: SessionUser,
});
export type LoginReply = Static<typeof LoginReply>;

/**
 * The header (and value) a browser must send with every write authenticated by the session cookie (CSRF defence):
 * another site's page cannot send a custom header without a CORS preflight, which the server never grants.
 */
export const CSRF_HEADER = 'X-Requested-With';
export const CSRF_HEADER_VALUE = 'toc';
