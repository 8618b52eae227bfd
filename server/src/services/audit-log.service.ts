// Reading the audit log for administrators: a page of filtered rows newest first, or all of them (capped) as CSV —
// an export of the log is itself an audit row.
import type { Queryable } from '../db/pool';
import { HttpError } from '../lib/http-error';
import { insertAudit, queryAudit, type AuditFilter } from '../repositories/audit.repository';
import { AUDIT_CSV_MAX, AUDIT_PAGE_DEFAULT, type AuditPage, type AuditQuery, type User } from '../schemas';
import type { ClientInfo } from './auth.service';
import { auditCsv } from './audit-csv';

function filterOf(query: AuditQuery): Omit<AuditFilter, 'limit'> {
  const from = query.from === undefined ? undefined : new Date(query.from);
  const to = query.to === undefined ? undefined : new Date(query.to);
  if (from && to && !(from < to))
    throw new HttpError(400, '"from" must be before "to"', 'เวลาเริ่มต้องอยู่ก่อนเวลาสิ้นสุด');
  return {
    from,
    to,
    username: query.user,
    actionPrefix: query.action,
    target: query.target,
    beforeId: query.before,
  };
}

export async function auditPage(db: Queryable, query: AuditQuery): Promise<AuditPage> {
  const limit = query.limit ?? AUDIT_PAGE_DEFAULT;
  // One row more than asked tells whether an older page exists.
  const rows = await queryAudit(db, { ...filterOf(query), limit: limit + 1 });
  const items = rows.slice(0, limit);
  return { items, nextBefore: rows.length > limit ? items[items.length - 1]!.id : null };
}

export interface AuditExport {
  csv: string;
  rows: number;
  /** More rows matched than one export carries: narrow the period and export the rest. */
  truncated: boolean;
}

export async function auditExport(
  db: Queryable,
  caller: { user: User } & ClientInfo,
  query: AuditQuery,
): Promise<AuditExport> {
  const filter = filterOf(query);
  const rows = await queryAudit(db, { ...filter, limit: AUDIT_CSV_MAX + 1 });
  const exported = rows.slice(0, AUDIT_CSV_MAX);
  const { format: _format, limit: _limit, ...asked } = query;
  await insertAudit(db, {
    userId: caller.user.id,
    username: caller.user.username,
    action: 'audit.export',
    target: 'audit_log',
    detail: { filter: asked, rows: exported.length },
    ip: caller.ip,
    userAgent: caller.userAgent,
  });
  return { csv: auditCsv(exported), rows: exported.length, truncated: rows.length > AUDIT_CSV_MAX };
}
