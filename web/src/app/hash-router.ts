// Tiny hash router: routes live after '#/', so the static server needs no fallback rules. `#/camera/3` → camera 3.
import { useMemo, useSyncExternalStore } from 'react';

export const ROUTE_NAMES = [
  'map',
  'analysis',
  'analysis-report',
  'wall',
  'elephants',
  'camera',
  'punctuality',
  'audit',
  'users',
  'password',
  'shift',
  'report',
  'playback',
  'recordings',
  'requests',
  'request-new',
  'request',
  'verify',
  'crash-imports',
] as const;
export type RouteName = (typeof ROUTE_NAMES)[number];

export interface Route {
  name: RouteName;
  /** The path segment after the name (`#/camera/3` → '3'), or null. */
  param: string | null;
}

export function parseRoute(hash: string): Route | null {
  const [name = '', param] = hash.replace(/^#\/?/, '').split('?')[0]!.split('/');
  if (!(ROUTE_NAMES as readonly string[]).includes(name)) return null;
  return { name: name as RouteName, param: param ? decodeURIComponent(param) : null };
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** The query string after the route (`#/playback/3?at=…` → at=…); pages keep their own state in it. */
export function hashQuery(hash: string): URLSearchParams {
  const index = hash.indexOf('?');
  return new URLSearchParams(index < 0 ? '' : hash.slice(index + 1));
}

/** The current route, or null when the hash names none (the caller picks the role's default). */
export function useRoute(): Route | null {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return useMemo(() => parseRoute(hash), [hash]);
}

/** The current route's query string, read again whenever the hash changes. */
export function useHashQuery(): URLSearchParams {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return useMemo(() => hashQuery(hash), [hash]);
}

export function routeHref(name: RouteName, param?: string | number): string {
  return param === undefined ? `#/${name}` : `#/${name}/${encodeURIComponent(String(param))}`;
}

export function navigate(name: RouteName, param?: string | number): void {
  window.location.hash = routeHref(name, param).slice(1);
}

/** Drops the route (on sign-out), so the next user lands on their role's default page. */
export function clearRoute(): void {
  history.replaceState(null, '', window.location.pathname + window.location.search);
}
