// A migrated test schema on the real PostgreSQL with a TCP fault proxy in front of it: the test reads straight from the
// database, the worker under test goes through the proxy, which plays the outage.
import { applyMigrations } from '@toc/server/db/migrate';
import { createPool, type Pool } from '@toc/server/db/pool';
import { createTestSchema } from '@toc/server/testing';
import { startFailoverProxy, type FailoverProxy } from '@toc/server/testing/tcp-proxy';

export interface ProxiedDatabase {
  schema: Awaited<ReturnType<typeof createTestSchema>>;
  /** The test's own view of the database, straight to PostgreSQL. */
  db: Pool;
  proxy: FailoverProxy;
  /** The worker's database URL, through the proxy. */
  proxiedUrl: string;
  /** Ends the fault, closes both, drops the schema. */
  close(): Promise<void>;
}

export async function proxiedDatabase(): Promise<ProxiedDatabase> {
  const schema = await createTestSchema();
  const db = createPool(schema.databaseUrl, 2);
  await applyMigrations(db);
  const proxy = await startFailoverProxy([Number(new URL(schema.databaseUrl).port || 5432)]);
  const proxied = new URL(schema.databaseUrl);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(proxy.port);
  return {
    schema,
    db,
    proxy,
    proxiedUrl: proxied.toString(),
    async close() {
      proxy.fault(null);
      await db.end();
      await proxy.close();
      await schema.drop();
    },
  };
}
