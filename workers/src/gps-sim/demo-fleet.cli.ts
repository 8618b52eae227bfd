// CLI: `tsx workers/src/gps-sim/demo-fleet.cli.ts [--feed chachoengsao] [--prefix CCS] [--count N] [--file path]`.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createPool } from '@toc/server/db/pool';
import { seedDemoFleet } from './demo-fleet';

const { values } = parseArgs({
  options: {
    feed: { type: 'string', default: 'chachoengsao' },
    prefix: { type: 'string' },
    count: { type: 'string' },
    file: { type: 'string' },
  },
});
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('DATABASE_URL must be set');
  process.exit(2);
}
const feed = values.feed!;
const file = values.file ?? path.join(process.env.TOC_DATA_DIR ?? '.data', 'demo-devices.json');
const labelPrefix = values.prefix ?? (feed === 'chachoengsao' ? 'CCS' : feed.slice(0, 3).toUpperCase());
const count = values.count === undefined ? undefined : Number(values.count);
if (count !== undefined && !(Number.isInteger(count) && count > 0)) {
  console.error('--count must be a positive whole number');
  process.exit(2);
}

const pool = createPool(databaseUrl, 2);
try {
  const report = await seedDemoFleet(pool, { feed, labelPrefix, file, ...(count ? { count } : {}) });
  const electric = report.devices.filter((d) => d.electric).length;
  console.log(
    `Demo fleet for ${feed}: ${report.devices.length} buses (${electric} electric); created ${report.createdVehicles} vehicles, ` +
      `${report.createdDevices} devices, ${report.rotatedKeys} new keys; devices in ${file}`,
  );
} catch (error) {
  console.error(`Demo fleet seeding failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await pool.end();
}
