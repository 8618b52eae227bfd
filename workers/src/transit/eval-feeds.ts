// Feeds for the ETA evaluation: the real Caltrain feed and the Chachoengsao demo network, imported when missing.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sharedDir } from '@toc/models';
import type { Pool } from '@toc/server/db/pool';
import { buildDemoNetwork } from '@toc/server/gtfs/demo-network/build-demo-network';
import { importGtfs } from '@toc/server/gtfs/gtfs-import';

const feedExists = async (db: Pool, name: string) =>
  (await db.query('SELECT 1 FROM gtfs_feeds WHERE name = $1', [name])).rowCount === 1;

/** Names of the feeds to replay, imported first when this database lacks them. */
export async function ensureEvalFeeds(
  db: Pool,
  log: (line: string) => void = () => undefined,
): Promise<string[]> {
  const feeds: string[] = [];
  if (!(await feedExists(db, 'caltrain'))) {
    log('importing the Caltrain feed for the ETA evaluation');
    await importGtfs(db, path.join(sharedDir(), 'data', 'gtfs', 'caltrain_20160406_gtfs.zip'), {
      name: 'caltrain',
    });
  }
  feeds.push('caltrain');
  if (!(await feedExists(db, 'chachoengsao'))) {
    log('building and importing the Chachoengsao demo network for the ETA evaluation');
    const dir = await mkdtemp(path.join(tmpdir(), 'toc-demo-gtfs-'));
    try {
      await buildDemoNetwork(sharedDir(), dir);
      await importGtfs(db, dir, { name: 'chachoengsao' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  feeds.push('chachoengsao');
  return feeds;
}
