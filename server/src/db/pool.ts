// PostgreSQL connection pool shared by the server and the workers.
import pg from 'pg';

// Return bigint ids/seqs (int8) as JS numbers: they stay far below 2^53 for this product's lifetime.
pg.types.setTypeParser(20, (value) => Number(value));

export type Pool = pg.Pool;
export type Queryable = Pick<pg.Pool, 'query'>;

export function createPool(connectionString: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, application_name: 'toc' });
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}
