// User administration (admins): the user list, new users, changes, disable/enable and password resets.
import type {
  ManagedUser,
  NewUserBody,
  PasswordResetBody,
  TemporaryPasswordReply,
  UserChangeBody,
} from '@toc/server/schemas';
import { request } from './http.client';

export const fetchUsers = (signal?: AbortSignal) => request<ManagedUser[]>('api/users', { signal });

export const createUser = (body: NewUserBody) =>
  request<TemporaryPasswordReply>('api/users', { method: 'POST', body });

export const changeUser = (id: number, body: UserChangeBody) =>
  request<ManagedUser>(`api/users/${id}`, { method: 'PATCH', body });

export const setUserDisabled = (id: number, disabled: boolean) =>
  request<ManagedUser>(`api/users/${id}/${disabled ? 'disable' : 'enable'}`, { method: 'POST', body: {} });

/** A temporary password for the user (made by the server unless one is given); shown to the admin once. */
export const resetUserPassword = (id: number, body: PasswordResetBody = {}) =>
  request<TemporaryPasswordReply>(`api/users/${id}/password`, { method: 'POST', body });
