// The real server for the recording benchmark, listening on a free port, with an operator's bearer token.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '@toc/server/app';
import type { Pool } from '@toc/server/db/pool';
import type { RecordingConfig } from '@toc/server/recording-config';
import { roleTokens, testConfig } from '@toc/server/testing';

export interface BenchServer {
  app: FastifyInstance;
  base: string;
  token: string;
}

export async function startBenchServer(db: Pool, recording: RecordingConfig): Promise<BenchServer> {
  const databaseUrl = (db.options as { connectionString: string }).connectionString;
  const app = await buildApp(testConfig(databaseUrl, { recording, host: '127.0.0.1', port: 0 }));
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const { operator } = await roleTokens(app, ['operator']);
  return { app, base, token: operator };
}
