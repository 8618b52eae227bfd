// Session endpoints: login, logout and the current user.
import type { LoginBody, LoginReply, User } from '@toc/server/schemas';
import { ApiError } from './api-error';
import { request } from './http.client';

export function login(body: LoginBody): Promise<LoginReply> {
  return request<LoginReply>('api/auth/login', { method: 'POST', body }, true);
}

export async function logout(): Promise<void> {
  await request<unknown>('api/auth/logout', { method: 'POST', body: {} }, true);
}

/** The signed-in user, or null when there is no valid session. */
export async function fetchMe(signal?: AbortSignal): Promise<User | null> {
  try {
    return await request<User>('api/me', { signal }, true);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}
