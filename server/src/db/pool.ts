// PostgreSQL connection pool shared by the server and the workers.
import pg from 'pg';

// Return bigint ids/seqs (int8) as JS numbers: they stay far below 2^53 for this product's lifetime.
pg.types.setTypeParser(20, (value) => Number(value));

export type Pool = pg.Pool;
export type Queryable = Pick<pg.Pool, 'query'>;

export interface PoolOptions {
  /**
   * How long a query waits for a connection (a new one, or a free one of the pool) before it fails: a database
   * that is unreachable then gives an answer (503) instead of a request that hangs. None by default (the workers'
   * jobs wait their turn).
   */
  connectTimeoutMs?: number;
  /**
   * How long a query may wait for its answer before it fails (and its connection is dropped): a database host that
   * stops answering without closing the connection otherwise holds the query until TCP gives up, many minutes later.
   * None by default (imports and analyses may legitimately run long).
   */
  queryTimeoutMs?: number;
}

export function createPool(connectionString: string, max = 10, options: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    application_name: 'toc',
    connectionTimeoutMillis: options.connectTimeoutMs ?? 0,
    ...(options.queryTimeoutMs ? { query_timeout: options.queryTimeoutMs } : {}),
    // Finds idle connections to a server that went away without a word, rather than on the next query.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}
