// Tells a database or Redis outage apart from other failures, so the API can answer 503 with the reason, not 500.

export type Store = 'database' | 'redis';

/** Where a store listens, to recognise a socket error from a connection to it. */
export interface StoreEndpoint {
  store: Store;
  port: number;
}

/**
 * PostgreSQL SQLSTATEs of a server that is not there to answer: class 08 (connection exception), shutting down
 * (57P01 admin, 57P02 crash), starting up or in recovery (57P03), and out of connection slots (53300).
 */
const PG_UNAVAILABLE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;
/** node-postgres's own messages when a connection fails, times out, dies or falls silent under a query. */
const PG_CONNECTION_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error and is not queryable/,
  // The pool's query timeout: the host stopped answering on a connection it never closed.
  /^Query read timeout$/,
];
/** ioredis gives up on a command after its retries while disconnected (maxRetriesPerRequest). */
const REDIS_GAVE_UP = new Set(['MaxRetriesPerRequestError']);
const REDIS_MESSAGES = [/^Connection is closed\.?$/, /^Stream isn't writeable/];
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

/** The endpoints of a database and a Redis URL (default ports when none is given). */
export function storeEndpoints(databaseUrl: string, redisUrl: string): StoreEndpoint[] {
  return [
    { store: 'database', port: Number(new URL(databaseUrl).port || 5432) },
    { store: 'redis', port: Number(new URL(redisUrl).port || 6379) },
  ];
}

/** Which store's outage `error` is, or null when it is some other failure. */
export function storeOutage(error: unknown, endpoints: readonly StoreEndpoint[]): Store | null {
  if (!(error instanceof Error)) return null;
  const { code, port } = error as { code?: unknown; port?: unknown };
  if ('severity' in error) return typeof code === 'string' && PG_UNAVAILABLE.test(code) ? 'database' : null;
  if (PG_CONNECTION_MESSAGES.some((pattern) => pattern.test(error.message))) return 'database';
  if (REDIS_GAVE_UP.has(error.name) || REDIS_MESSAGES.some((pattern) => pattern.test(error.message)))
    return 'redis';
  if (typeof code === 'string' && SOCKET_CODES.has(code)) {
    return endpoints.find((endpoint) => endpoint.port === port)?.store ?? null;
  }
  return null;
}
