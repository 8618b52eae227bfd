// Session endpoints: login, logout, the current user and their own password.
import type { LoginBody, LoginReply, OwnPasswordBody, SessionUser } from '@toc/server/schemas';
import { ApiError } from './api-error';
import { request } from './http.client';

export function login(body: LoginBody): Promise<LoginReply> {
  return request<LoginReply>('api/auth/login', { method: 'POST', body }, true);
}

export async function logout(): Promise<void> {
  await request<unknown>('api/auth/logout', { method: 'POST', body: {} }, true);
}

/** The signed-in user, or null when there is no valid session. */
export async function fetchMe(signal?: AbortSignal): Promise<SessionUser | null> {
  try {
    return await request<SessionUser>('api/me', { signal }, true);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** Replaces the signed-in user's password (also a temporary one); the server ends their other sessions. */
export async function changeOwnPassword(body: OwnPasswordBody): Promise<void> {
  await request<unknown>('api/me/password', { method: 'POST', body });
}
