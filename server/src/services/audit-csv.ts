// The filtered audit rows as CSV for a spreadsheet: bilingual headers, Bangkok times, and no cell a spreadsheet would
// run as a formula (usernames of failed sign-ins are typed by anyone).
import { stringify } from 'csv-stringify/sync';
import type { AuditRecord } from '../schemas';

const HEADER = [
  'id',
  'time (Asia/Bangkok) / เวลา',
  'user / ผู้ใช้',
  'action / การกระทำ',
  'target / เป้าหมาย',
  'IP / ไอพี',
  'browser / เบราว์เซอร์',
  'detail / รายละเอียด',
];

const BANGKOK_OFFSET_MS = 7 * 3_600_000;

/** ISO 8601 at +07:00 (Bangkok has no daylight saving): readable there, unambiguous anywhere. */
export function bangkokIso(iso: string): string {
  const shifted = new Date(new Date(iso).getTime() + BANGKOK_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 23)}+07:00`;
}

/** A cell starting like a formula (= + - @, tab, CR) gets a leading apostrophe so it stays text. */
export function inertCell(value: string | null): string {
  if (value === null) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function auditCsv(rows: readonly AuditRecord[]): string {
  const body = rows.map((r) => [
    String(r.id),
    bangkokIso(r.at),
    inertCell(r.username),
    inertCell(r.action),
    inertCell(r.target),
    inertCell(r.ip),
    inertCell(r.userAgent),
    inertCell(JSON.stringify(r.detail)),
  ]);
  // A byte-order mark so spreadsheet programs read the Thai headers as UTF-8.
  return `\uFEFF${stringify([HEADER, ...body])}`;
}
