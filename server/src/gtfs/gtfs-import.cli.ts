// `tsx server/src/gtfs/gtfs-import.cli.ts <zip|dir> --name <name>`: import a GTFS feed, print progress and rejected rows.
// Exit 0 when the feed was imported (even with rejected rows), 1 when it could not be read, 2 for bad arguments.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { applyMigrations } from '../db/migrate';
import { createPool } from '../db/pool';
import { GtfsFeedError, importGtfs } from './gtfs-import';
import { progressLine, summaryLines } from './import-report';

const { values, positionals } = parseArgs({ options: { name: { type: 'string' } }, allowPositionals: true });
if (positionals.length !== 1 || !values.name) {
  console.error('Usage: gtfs-import.cli.ts <feed.zip|folder> --name <feed-name>');
  process.exit(2);
}

const pool = createPool(loadConfig().databaseUrl, 2);
try {
  await applyMigrations(pool);
  const result = await importGtfs(pool, positionals[0]!, {
    name: values.name,
    onProgress: (p) => console.log(progressLine(p)),
  });
  for (const line of summaryLines(values.name, result)) console.log(line);
} catch (error) {
  console.error(error instanceof GtfsFeedError ? `Import failed, nothing written: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await pool.end();
}
