// The audit hash chain rebuilt outside the database: each row's canonical content and hash, and a walk that names the
// first row where the chain breaks. Must match audit_row_hash() in migration 012 byte for byte.
import { createHash } from 'node:crypto';
import type { ChainHead, ChainRow } from '../repositories/audit.repository';

export const GENESIS_HASH = '0'.repeat(64);

/** '|' then '~' for NULL or the UTF-8 byte length, ':' and the text: no two rows share a content string. */
const field = (value: string | null): string =>
  value === null ? '|~' : `|${Buffer.byteLength(value, 'utf8')}:${value}`;

export function canonicalContent(row: ChainRow): string {
  return (
    'audit-v1' +
    field(String(row.id)) +
    field(row.atMicros) +
    field(row.userId) +
    field(row.username) +
    field(row.action) +
    field(row.target) +
    field(row.detail) +
    field(row.ip) +
    field(row.userAgent)
  );
}

export function rowHash(prevHash: string, row: ChainRow): string {
  return createHash('sha256')
    .update(prevHash + canonicalContent(row), 'utf8')
    .digest('hex');
}

export interface ChainBreak {
  /** The first row that does not verify (for rows missing at the end: the last id the chain head names). */
  id: number;
  reason: string;
  reasonTh: string;
}

export type ChainReport =
  | { ok: true; rows: number; lastId: number; lastHash: string }
  | { ok: false; rows: number; broken: ChainBreak };

/** Feed rows in id order, then finish with the chain head; stops at the first break. */
export class ChainWalker {
  private previous: { id: number; hash: string } | null = null;
  private checked = 0;
  private broken: ChainBreak | null = null;

  /** @param anchors first kept id → its prev_hash, for chains shortened by a recorded retention step */
  constructor(private readonly anchors: ReadonlyMap<number, string> = new Map()) {}

  /** False once the chain is broken: the caller can stop reading. */
  push(row: ChainRow): boolean {
    if (this.broken) return false;
    const expectedPrev = this.previous ? this.previous.hash : (this.anchors.get(row.id) ?? GENESIS_HASH);
    if (rowHash(row.prevHash, row) !== row.rowHash) {
      this.broken = {
        id: row.id,
        reason: `row ${row.id} was changed after it was written: its content no longer gives its row_hash`,
        reasonTh: `แถว ${row.id} ถูกแก้ไขหลังบันทึก: เนื้อหาไม่ตรงกับค่าแฮชของแถว`,
      };
    } else if (row.prevHash !== expectedPrev) {
      this.broken = this.previous
        ? {
            id: row.id,
            reason: `row ${row.id} does not link to row ${this.previous.id} before it: rows between them were removed, or row ${this.previous.id} was rewritten`,
            reasonTh: `แถว ${row.id} ไม่เชื่อมกับแถว ${this.previous.id} ก่อนหน้า: มีแถวถูกลบหรือแถว ${this.previous.id} ถูกเขียนใหม่`,
          }
        : {
            id: row.id,
            reason: `the chain does not start at row ${row.id}: earlier rows were removed without a recorded retention step`,
            reasonTh: `ห่วงโซ่ไม่ได้เริ่มที่แถว ${row.id}: แถวก่อนหน้าถูกลบโดยไม่มีบันทึกการลบตามระยะเวลาเก็บรักษา`,
          };
    }
    if (this.broken) return false;
    this.checked++;
    this.previous = { id: row.id, hash: row.rowHash };
    return true;
  }

  finish(head: ChainHead | null): ChainReport {
    if (!this.broken) this.broken = this.checkHead(head);
    if (this.broken) return { ok: false, rows: this.checked, broken: this.broken };
    return {
      ok: true,
      rows: this.checked,
      lastId: this.previous?.id ?? 0,
      lastHash: this.previous?.hash ?? GENESIS_HASH,
    };
  }

  /** The head names the last row written: rows cut from the end leave it pointing past the last row. */
  private checkHead(head: ChainHead | null): ChainBreak | null {
    const lastId = this.previous?.id ?? 0;
    const lastHash = this.previous?.hash ?? GENESIS_HASH;
    if (!head) {
      return { id: lastId, reason: 'the chain head is missing', reasonTh: 'ไม่พบหัวของห่วงโซ่' };
    }
    if (head.lastId === lastId && head.lastHash === lastHash) return null;
    if (head.lastId === lastId) {
      return {
        id: lastId,
        reason: `row ${lastId}, the last, does not match the chain head: it was rewritten`,
        reasonTh: `แถว ${lastId} ซึ่งเป็นแถวสุดท้ายไม่ตรงกับหัวของห่วงโซ่: ถูกเขียนใหม่`,
      };
    }
    return {
      id: head.lastId,
      reason: `the chain head names row ${head.lastId} but the last row is ${lastId}: rows at the end were removed or replaced`,
      reasonTh: `หัวของห่วงโซ่ระบุแถว ${head.lastId} แต่แถวสุดท้ายคือ ${lastId}: แถวท้ายถูกลบหรือถูกแทนที่`,
    };
  }
}
