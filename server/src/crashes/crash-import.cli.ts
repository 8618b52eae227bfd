// `npm run import:crashes -- <file>… [--source doh_csv|fatal_points]`: imports crash files (DOH/MOT accident CSV,
// fatal-crash GeoJSON) into the crash store, loading the road network first on a fresh database; prints the counts
// and the rejected rows. Exit 0 when every file imported (even with rejected rows), 1 when one could not, 2 for bad
// arguments.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sharedDir } from '@toc/models';
import { loadConfig } from '../config';
import { applyMigrations } from '../db/migrate';
import { createPool } from '../db/pool';
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

const pool = createPool(loadConfig().databaseUrl, 2);
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
