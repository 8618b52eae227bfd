// The chain outside the database: the same hash PostgreSQL computes, and the walk names the first broken row.
import { describe, expect, it } from 'vitest';
import type { ChainRow } from '../repositories/audit.repository';
import { ChainWalker, GENESIS_HASH, canonicalContent, rowHash } from './audit-chain';

const content = (id: number, over: Partial<ChainRow> = {}): Omit<ChainRow, 'prevHash' | 'rowHash'> => ({
  id,
  atMicros: '1735787045123456',
  userId: '3',
  username: 'ผู้ดูแล',
  action: 'camera.live.view',
  target: 'camera:4',
  detail: '{"a": 1}',
  ip: '127.0.0.1/32',
  userAgent: null,
  ...over,
});

/** Rows linked the way the database links them. */
function chain(count: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let id = 1; id <= count; id++) {
    const row = { ...content(id, { target: `camera:${id}` }), prevHash: prev, rowHash: '' };
    row.rowHash = rowHash(prev, row);
    rows.push(row);
    prev = row.rowHash;
  }
  return rows;
}

const walk = (
  rows: ChainRow[],
  head = { lastId: rows.at(-1)?.id ?? 0, lastHash: rows.at(-1)?.rowHash ?? GENESIS_HASH },
  anchors = new Map<number, string>(),
) => {
  const walker = new ChainWalker(anchors);
  for (const row of rows) if (!walker.push(row)) break;
  return walker.finish(head);
};

describe('audit chain', () => {
  it('hashes a row exactly as audit_row_hash() in migration 012 does (vector computed by PostgreSQL 15)', () => {
    const row = { ...content(7), prevHash: GENESIS_HASH, rowHash: '' };
    expect(canonicalContent(row)).toBe(
      'audit-v1|1:7|16:1735787045123456|1:3|21:ผู้ดูแล|16:camera.live.view|8:camera:4|8:{"a": 1}|12:127.0.0.1/32|~',
    );
    expect(rowHash(GENESIS_HASH, row)).toBe(
      '582a9fd2f4c9c163eb214e1d780a6e49a97b8abf52d63a2630ea7489122c28df',
    );
  });

  it('tells NULL from an empty string and keeps fields from running into each other', () => {
    const base = { ...content(1), prevHash: GENESIS_HASH, rowHash: '' };
    expect(rowHash(GENESIS_HASH, { ...base, target: null })).not.toBe(
      rowHash(GENESIS_HASH, { ...base, target: '' }),
    );
    expect(rowHash(GENESIS_HASH, { ...base, username: 'ab', action: 'c' })).not.toBe(
      rowHash(GENESIS_HASH, { ...base, username: 'a', action: 'bc' }),
    );
  });

  it('verifies an intact chain, including an empty one', () => {
    const rows = chain(5);
    expect(walk(rows)).toEqual({ ok: true, rows: 5, lastId: 5, lastHash: rows[4]!.rowHash });
    expect(walk([])).toEqual({ ok: true, rows: 0, lastId: 0, lastHash: GENESIS_HASH });
  });

  it('names a row whose content changed', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, detail: '{"a": 2}' };
    expect(walk(rows)).toMatchObject({
      ok: false,
      rows: 2,
      broken: { id: 3, reason: expect.stringMatching(/row 3 was changed/) },
    });
  });

  it('names the row after a removed or consistently rewritten one', () => {
    const removed = chain(5);
    removed.splice(2, 1);
    expect(walk(removed)).toMatchObject({
      ok: false,
      broken: { id: 4, reason: expect.stringMatching(/does not link to row 2/) },
    });

    const rewritten = chain(5);
    const forged = { ...rewritten[1]!, detail: '{"a": 9}' };
    forged.rowHash = rowHash(forged.prevHash, forged);
    rewritten[1] = forged;
    expect(walk(rewritten)).toMatchObject({ ok: false, broken: { id: 3 } });
  });

  it('catches rows cut from either end', () => {
    const rows = chain(5);
    const head = { lastId: 5, lastHash: rows[4]!.rowHash };
    expect(walk(rows.slice(0, 3), head)).toMatchObject({
      ok: false,
      broken: { id: 5, reason: expect.stringMatching(/head names row 5/) },
    });
    expect(walk(rows.slice(2), head)).toMatchObject({
      ok: false,
      broken: { id: 3, reason: expect.stringMatching(/does not start/) },
    });
    expect(walk(rows, null as never)).toMatchObject({
      ok: false,
      broken: { reason: 'the chain head is missing' },
    });
  });

  it('accepts a later start only where a recorded retention step says so', () => {
    const rows = chain(5).slice(2);
    expect(walk(rows, undefined, new Map([[3, rows[0]!.prevHash]]))).toMatchObject({ ok: true, rows: 3 });
    expect(walk(rows, undefined, new Map([[3, GENESIS_HASH]]))).toMatchObject({
      ok: false,
      broken: { id: 3 },
    });
  });
});
