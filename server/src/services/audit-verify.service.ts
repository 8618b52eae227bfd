// Walks the whole audit chain in one consistent snapshot and recomputes every hash (the `npm run audit:verify` check).
import type { Pool } from '../db/pool';
import { readChainHead, readChainRows, readRetentionAnchors } from '../repositories/audit.repository';
import { ChainWalker, type ChainReport } from './audit-chain';

const PAGE_ROWS = 5_000;

export async function verifyAuditChain(pool: Pool, pageRows = PAGE_ROWS): Promise<ChainReport> {
  const client = await pool.connect();
  try {
    // One snapshot for rows and head: rows written while the walk runs are neither half-seen nor counted as missing.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const walker = new ChainWalker(await readRetentionAnchors(client));
    let afterId = 0;
    for (;;) {
      const rows = await readChainRows(client, afterId, pageRows);
      if (!rows.every((row) => walker.push(row))) break;
      if (rows.length < pageRows) break;
      afterId = rows[rows.length - 1]!.id;
    }
    const report = walker.finish(await readChainHead(client));
    await client.query('COMMIT');
    return report;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
