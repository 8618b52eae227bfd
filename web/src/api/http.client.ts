// Small typed fetch wrapper: relative URLs, cookie credentials with the CSRF header, JSON in and out (or an image),
// typed errors.
import { CSRF_HEADER, CSRF_HEADER_VALUE, type ErrorReply } from '@toc/server/schemas';
import { ApiError, NetworkError } from './api-error';

type QueryValue = string | number | boolean | readonly (string | number)[] | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

type UnauthorizedListener = () => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/** Called when any request (other than the ones that expect it) gets a 401: the session is gone. */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    // Arrays travel as repeated parameters: type=a&type=b.
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  const search = params.toString();
  // No leading slash: resolved against the page, so the app works behind any path prefix.
  return search ? `${path}?${search}` : path;
}

/** `fetch`, with a server out of reach as a NetworkError; an abort stays the AbortError it is. */
async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(error);
  }
}

async function readError(response: Response): Promise<ApiError> {
  let reply: Partial<ErrorReply> = {};
  try {
    reply = (await response.json()) as Partial<ErrorReply>;
  } catch {
    // Not JSON (a proxy error page): keep the status alone.
  }
  return new ApiError(response.status, reply);
}

export async function request<T>(path: string, options: RequestOptions = {}, expectUnauthorized = false): Promise<T> {
  // The server refuses a cookie-authenticated write without the CSRF header; sent on reads too, harmlessly.
  const headers: Record<string, string> = { Accept: 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await send(buildUrl(path, options.query), {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    credentials: 'same-origin',
    signal: options.signal,
  });
  if (!response.ok) {
    const error = await readError(response);
    if (response.status === 401 && !expectUnauthorized) unauthorizedListeners.forEach((listener) => listener());
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * An image (a still, a camera's frame) fetched with the session cookie rather than put in an <img src>, so that a
 * refusal or "nothing recorded then" arrives as an ApiError with its bilingual reason.
 */
export async function fetchImage(path: string, init: Pick<RequestInit, 'signal' | 'cache'> = {}): Promise<Blob> {
  const response = await send(path, { credentials: 'same-origin', ...init });
  if (!response.ok) throw await readError(response);
  return response.blob();
}
