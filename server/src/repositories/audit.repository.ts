// SQL for the audit log: who did what, when, from where.
import type { Queryable } from '../db/pool';

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

