// `npm run migrate -w @toc/server`: apply pending migrations and exit.
import { loadConfig } from '../config';
import { applyMigrations } from './migrate';
import { createPool } from './pool';

const pool = createPool(loadConfig().databaseUrl, 1);
try {
  const applied = await applyMigrations(pool);
  console.log(applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}` : 'Database is up to date');
} finally {
  await pool.end();
}
