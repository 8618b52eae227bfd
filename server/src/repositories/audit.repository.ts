// SQL for the audit log: who did what, when, from where. Rows are only ever inserted; the database chains them
// (migration 012), refuses changes, and these reads serve the admin page and the chain verifier.
import type { Queryable } from '../db/pool';
import type { AuditRecord } from '../schemas';
import { isoRequired } from './row-mapping';

export interface AuditEntry {
  userId: number | null;
  username: string | null;
  action: string;
  target?: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
  userAgent?: string | null;
}

export async function insertAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (user_id, username, action, target, detail, ip, user_agent)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      entry.userId,
      entry.username,
      entry.action,
      entry.target ?? null,
      JSON.stringify(entry.detail ?? {}),
      entry.ip ?? null,
      entry.userAgent ?? null,
    ],
  );
}

/** The same entry once per target, in the given order, in one statement (a wall of cameras opened at once). */
export async function insertAuditForTargets(
  db: Queryable,
  entry: Omit<AuditEntry, 'target'>,
  targets: readonly string[],
): Promise<void> {
  if (targets.length === 0) return;
  await db.query(
    `INSERT INTO audit_log (user_id, username, action, target, detail, ip, user_agent)
     SELECT $1, $2, $3, t.target, $5, $6, $7 FROM unnest($4::text[]) WITH ORDINALITY AS t (target, n) ORDER BY t.n`,
    [
      entry.userId,
      entry.username,
      entry.action,
      targets,
      JSON.stringify(entry.detail ?? {}),
      entry.ip ?? null,
      entry.userAgent ?? null,
    ],
  );
}

export interface AuditFilter {
  from?: Date;
  to?: Date;
  username?: string;
  actionPrefix?: string;
  target?: string;
  /** Only rows with a smaller id: the cursor of the next page. */
  beforeId?: number;
  limit: number;
}

interface AuditRow {
  id: number;
  at: Date;
  user_id: number | null;
  username: string | null;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
  user_agent: string | null;
}

const toRecord = (row: AuditRow): AuditRecord => ({
  id: row.id,
  at: isoRequired(row.at),
  userId: row.user_id,
  username: row.username,
  action: row.action,
  target: row.target,
  detail: row.detail,
  ip: row.ip,
  userAgent: row.user_agent,
});

/** Rows matching every given filter, newest first. */
export async function queryAudit(db: Queryable, filter: AuditFilter): Promise<AuditRecord[]> {
  const { rows } = await db.query<AuditRow>(
    `SELECT id, at, user_id, username, action, target, detail, host(ip) AS ip, user_agent
       FROM audit_log
      WHERE ($1::timestamptz IS NULL OR at >= $1)
        AND ($2::timestamptz IS NULL OR at < $2)
        AND ($3::text IS NULL OR lower(username) = lower($3))
        AND ($4::text IS NULL OR starts_with(action, $4))
        AND ($5::text IS NULL OR target = $5)
        AND ($6::bigint IS NULL OR id < $6)
      ORDER BY id DESC
      LIMIT $7`,
    [
      filter.from ?? null,
      filter.to ?? null,
      filter.username ?? null,
      filter.actionPrefix ?? null,
      filter.target ?? null,
      filter.beforeId ?? null,
      filter.limit,
    ],
  );
  return rows.map(toRecord);
}

/** A row as the chain verifier reads it: every hashed column as the exact text the database hashed. */
export interface ChainRow {
  id: number;
  prevHash: string;
  rowHash: string;
  atMicros: string;
  userId: string | null;
  username: string | null;
  action: string;
  target: string | null;
  detail: string;
  ip: string | null;
  userAgent: string | null;
}

/** The next rows of the chain after `afterId`, in chain (id) order. */
export async function readChainRows(db: Queryable, afterId: number, limit: number): Promise<ChainRow[]> {
  const { rows } = await db.query<ChainRow>(
    `SELECT id, prev_hash AS "prevHash", row_hash AS "rowHash",
            (extract(epoch FROM at) * 1000000)::bigint::text AS "atMicros", user_id::text AS "userId", username, action,
            target, detail::text AS detail, ip::text AS ip, user_agent AS "userAgent"
       FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2`,
    [afterId, limit],
  );
  return rows;
}

export interface ChainHead {
  lastId: number;
  lastHash: string;
}

export async function readChainHead(db: Queryable): Promise<ChainHead | null> {
  const { rows } = await db.query<ChainHead>(
    'SELECT last_id AS "lastId", last_hash AS "lastHash" FROM audit_chain_head',
  );
  return rows[0] ?? null;
}

/** Where a deliberate retention step let the chain start later (see migration 012): first kept id → its prev_hash. */
export async function readRetentionAnchors(db: Queryable): Promise<Map<number, string>> {
  const { rows } = await db.query<{ id: string | null; hash: string | null }>(
    `SELECT detail->>'keptFromId' AS id, detail->>'keptFromPrevHash' AS hash FROM audit_log WHERE action = 'audit.retention'`,
  );
  return new Map(rows.filter((r) => r.id && r.hash).map((r) => [Number(r.id), r.hash!]));
}
