// Creates gps_positions day partitions ahead and on demand, and drops those past the retention.
import pg from 'pg';
import type { Pool } from '@toc/server/db/pool';
import { dayBounds, daysAhead, expiredPartitions, partitionName } from './partitions';

/** Another worker (or an earlier attempt) created it first. */
const ALREADY_THERE = new Set(['42P07', '23505']);

export class PartitionManager {
  private readonly known = new Set<string>();

  constructor(private readonly db: Pool) {}

  /** Makes sure a partition exists for each day (YYYYMMDD); cheap for days already seen. */
  async ensure(days: Iterable<string>): Promise<void> {
    for (const day of days) {
      if (this.known.has(day)) continue;
      const { from, to } = dayBounds(day);
      // DDL takes no parameters: the name is digits we made, the bounds are literals escaped by pg.
      const sql = `CREATE TABLE IF NOT EXISTS ${pg.escapeIdentifier(partitionName(day))} PARTITION OF gps_positions
        FOR VALUES FROM (${pg.escapeLiteral(from.toISOString())}) TO (${pg.escapeLiteral(to.toISOString())})`;
      try {
        await this.db.query(sql);
      } catch (error) {
        if (!ALREADY_THERE.has((error as { code?: string }).code ?? '')) throw error;
      }
      this.known.add(day);
    }
  }

  async list(): Promise<string[]> {
    const { rows } = await this.db.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'gps_positions'::regclass ORDER BY 1`,
    );
    return rows.map((r) => r.name);
  }

  /** The daily round: the next days ready, the expired ones dropped. Returns the dropped partitions. */
  async maintain(nowMs: number, aheadDays: number, retentionDays: number): Promise<string[]> {
    await this.ensure(daysAhead(nowMs, aheadDays));
    const expired = expiredPartitions(await this.list(), nowMs, retentionDays);
    for (const name of expired) {
      await this.db.query(`DROP TABLE IF EXISTS ${pg.escapeIdentifier(name)}`);
      this.known.delete(name.slice(-8));
    }
    return expired;
  }
}
