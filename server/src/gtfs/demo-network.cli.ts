// `tsx server/src/gtfs/demo-network.cli.ts --out <dir>`: write the Chachoengsao demo GTFS folder (then import it
// with gtfs-import.cli.ts <dir> --name chachoengsao).
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { buildDemoNetwork } from './demo-network/build-demo-network';

const { values } = parseArgs({ options: { out: { type: 'string' }, shared: { type: 'string' } } });
if (!values.out) {
  console.error('Usage: demo-network.cli.ts --out <dir> [--shared <shared dir>]');
  process.exit(2);
}
const sharedDir =
  values.shared ??
  loadConfig({ ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://unused' }).sharedDir;
const summary = await buildDemoNetwork(sharedDir, values.out);
console.log(
  `Demo network written to ${values.out}: ${summary.routes} routes, ${summary.stops} stops, ${summary.trips} trips, ${summary.blocks} buses (blocks); ` +
    `route lengths ${Object.entries(summary.lengthsM)
      .map(([id, m]) => `${id} ${(m / 1000).toFixed(1)} km`)
      .join(', ')}`,
);
