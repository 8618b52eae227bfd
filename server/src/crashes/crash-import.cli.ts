// `npm run import:crashes -- <file>… [--source doh_csv|fatal_points]`: imports crash files (DOH/MOT accident CSV,
// fatal-crash GeoJSON) into the crash store, loading the road network first on a fresh database; prints the counts
// and the rejected rows; then tells the running servers (through Redis) that the live crash layer may have changed, as
// an upload does. Exit 0 when every file imported (even with rejected rows), 1 when one could not, 2 for bad arguments.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { sharedDir } from '@toc/models';
import { loadConfig } from '../config';
import { applyMigrations } from '../db/migrate';
import { createPool } from '../db/pool';
import { channelNames } from '../realtime/channel-names';
import { publishCrashesChanged } from '../realtime/crashes-live';
import { CrashImportError } from './crash-record';
import { importCrashFile, type CrashFileSource } from './crash-import';
import { ensureAreas } from './areas';
import { ensureRoadNetwork, roadNetworkFile } from './road-network';

const SOURCES: readonly CrashFileSource[] = ['doh_csv', 'fatal_points'];
const { values, positionals } = parseArgs({
  options: { source: { type: 'string' }, roads: { type: 'string' } },
  allowPositionals: true,
});
const source = values.source as CrashFileSource | undefined;
if (positionals.length === 0 || (source && !SOURCES.includes(source))) {
  console.error(
    'Usage: crash-import.cli.ts <file>… [--source doh_csv|fatal_points] [--roads <roads.geojson>]',
  );
  process.exit(2);
}

/** Tells the running servers; the crashes are stored either way, so an unreachable Redis is only a warning. */
async function announceChanges(
  config: { redisUrl: string; queuePrefix: string },
  importIds: readonly number[],
): Promise<void> {
  const redis = new Redis(config.redisUrl, {
    maxRetriesPerRequest: 1,
    lazyConnect: true,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined); // the failed connect below says it once
  try {
    await redis.connect();
    const out = { redis, channels: channelNames(config.queuePrefix) };
    for (const importId of importIds) await publishCrashesChanged(out, { reason: 'import', importId });
  } catch (error) {
    console.warn(
      `The running servers were not told (Redis: ${(error as Error).message}); their live crash layer shows the new ` +
        'crashes when next read.',
    );
  } finally {
    redis.disconnect();
  }
}

const config = loadConfig();
const pool = createPool(config.databaseUrl, 2);
const changed: number[] = [];
try {
  await applyMigrations(pool);
  await ensureAreas(pool, sharedDir());
  const roads = await ensureRoadNetwork(pool, values.roads ?? roadNetworkFile(sharedDir()));
  console.log(`Road network: ${roads} lines`);
  for (const file of positionals) {
    try {
      const report = await importCrashFile(pool, {
        file,
        source,
        user: { id: null, username: 'cli' },
        onProgress: (p) => {
          if (process.stdout.isTTY) process.stdout.write(`\r… ${path.basename(file)}: ${p.rowsRead} rows`);
        },
      });
      const { read, added, updated, same, rejected } = report.counts;
      console.log(
        `${process.stdout.isTTY ? '\r' : ''}✓ ${path.basename(file)} (import ${report.importId}, ${report.source}): ${read} rows, ${added} new, ` +
          `${updated} changed, ${same} unchanged, ${rejected} rejected; ${report.snapped} snapped to a road`,
      );
      for (const row of report.rejections) console.log(`  line ${row.line}: ${row.reason}`);
      if (added + updated > 0) changed.push(report.importId);
    } catch (error) {
      console.error(
        error instanceof CrashImportError ? `✗ ${file}: nothing imported: ${error.message}` : error,
      );
      process.exitCode = 1;
    }
  }
} finally {
  await pool.end();
}
if (changed.length > 0) await announceChanges(config, changed);
