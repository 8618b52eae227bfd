// Tiny hash router: routes live after '#/', so the static server needs no fallback rules.
import { useSyncExternalStore } from 'react';

export const ROUTES = ['map', 'home'] as const;
export type Route = (typeof ROUTES)[number];

function parse(hash: string): Route | null {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : null;
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** The current route, or null when the hash names none (the caller picks the role's default). */
export function useRoute(): Route | null {
  return useSyncExternalStore(subscribe, () => parse(window.location.hash));
}

export function routeHref(route: Route): string {
  return `#/${route}`;
}

export function navigate(route: Route): void {
  window.location.hash = `/${route}`;
}

/** Drops the route (on sign-out), so the next user lands on their role's default page. */
export function clearRoute(): void {
  history.replaceState(null, '', window.location.pathname + window.location.search);
}
