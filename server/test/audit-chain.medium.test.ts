// Medium: the audit log on real PostgreSQL is append-only and hash-chained — rows written before migration 012 are
// chained by it, parallel writers cannot fork the chain, the app cannot change or remove rows, and `npm run
// audit:verify` names the first row changed behind the trigger's back.
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/config';
import { MIGRATIONS_DIR, applyMigrations } from '../src/db/migrate';
import { createPool, type Pool } from '../src/db/pool';
import { withTransaction } from '../src/db/transaction';
import { insertAudit, insertAuditForTargets } from '../src/repositories/audit.repository';
import { GENESIS_HASH } from '../src/services/audit-chain';
import { verifyAuditChain } from '../src/services/audit-verify.service';
import { createTestSchema } from './test-env';

const run = promisify(execFile);

let schema: Awaited<ReturnType<typeof createTestSchema>>;
let pool: Pool;

interface Link {
  id: number;
  prev_hash: string;
  row_hash: string;
}
const links = async (): Promise<Link[]> =>
  (await pool.query<Link>('SELECT id, prev_hash, row_hash FROM audit_log ORDER BY id')).rows;

/** `npm run audit:verify` against this test's schema: its exit code and output. */
async function verifyCli(): Promise<{ code: number; out: string }> {
  const env = { ...process.env, DATABASE_URL: schema.databaseUrl };
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'audit:verify'], { cwd: REPO_ROOT, env });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}

/** What only the table owner or a superuser can do: step round the append-only trigger. */
async function asOwnerBypassingTrigger(sql: string, params: unknown[]): Promise<void> {
  await withTransaction(pool, async (tx) => {
    await tx.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await tx.query(sql, params);
    await tx.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
  });
}

const entry = (n: number) => ({
  userId: null,
  username: `writer-${n % 7}`,
  action: 'test.parallel',
  target: `t:${n}`,
  detail: { n, text: 'ทดสอบ' },
  ip: '10.0.0.1',
});

beforeAll(async () => {
  schema = await createTestSchema();
  pool = createPool(schema.databaseUrl, 10);
  // Up to 011 first, with rows in the old shape, so 012 has history to chain.
  const before = await mkdtemp(path.join(tmpdir(), 'toc-migrations-'));
  for (const file of await readdir(MIGRATIONS_DIR))
    if (/^0(0\d|1[01])_/.test(file)) await copyFile(path.join(MIGRATIONS_DIR, file), path.join(before, file));
  await applyMigrations(pool, before);
  await rm(before, { recursive: true });
  await pool.query(
    `INSERT INTO audit_log (username, action, detail, ip) VALUES ('old', 'test.before', '{"x": 1}', '127.0.0.1')`,
  );
  await pool.query(
    `INSERT INTO audit_log (username, action, target) VALUES ('old', 'test.before', 'นอกเวลา')`,
  );
  await applyMigrations(pool);
});

afterAll(async () => {
  await pool?.end();
  await schema?.drop();
});

describe('audit chain', () => {
  it('chains the rows written before the migration, in id order from the zero hash', async () => {
    const chain = await links();
    expect(chain).toHaveLength(2);
    expect(chain[0]!.prev_hash).toBe(GENESIS_HASH);
    expect(chain[1]!.prev_hash).toBe(chain[0]!.row_hash);
    expect(await verifyAuditChain(pool)).toMatchObject({ ok: true, rows: 2 });
  });

  it('links parallel writers into one chain without a fork or a gap, and verifies it', async () => {
    const writes: Promise<unknown>[] = [];
    for (let n = 0; n < 240; n++) writes.push(insertAudit(pool, entry(n)));
    // Transactions holding several rows, and multi-row statements, interleaved with the single inserts.
    for (let n = 0; n < 10; n++) {
      writes.push(
        withTransaction(pool, async (tx) => {
          await insertAudit(tx, entry(1000 + n));
          await insertAudit(tx, entry(2000 + n));
        }),
      );
      writes.push(
        insertAuditForTargets(pool, { userId: null, username: 'wall', action: 'test.targets', detail: {} }, [
          'camera:1',
          'camera:2',
          'camera:3',
        ]),
      );
    }
    // A rolled-back row leaves no trace in the chain.
    writes.push(
      withTransaction(pool, async (tx) => {
        await insertAudit(tx, entry(-1));
        throw new Error('changed my mind');
      }).catch(() => undefined),
    );
    await Promise.all(writes);

    const chain = await links();
    const total = 2 + 240 + 10 * 2 + 10 * 3;
    expect(chain).toHaveLength(total);
    expect(chain.map((l) => l.id)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    chain.forEach((link, i) => expect(link.prev_hash).toBe(i === 0 ? GENESIS_HASH : chain[i - 1]!.row_hash));
    expect(new Set(chain.map((l) => l.prev_hash)).size).toBe(total);

    const report = await verifyAuditChain(pool, 50); // small pages: the walk crosses page boundaries
    expect(report).toEqual({ ok: true, rows: total, lastId: total, lastHash: chain[total - 1]!.row_hash });
    const cli = await verifyCli();
    expect(cli.code).toBe(0);
    expect(cli.out).toContain(`Audit chain OK: ${total} rows, last row ${total}`);
  });

  it('gives the id, time and hashes itself, whatever the writer sends', async () => {
    const { rows } = await pool.query<{ id: number; at: Date; prev_hash: string; row_hash: string }>(
      `INSERT INTO audit_log (id, at, username, action, prev_hash, row_hash) VALUES (1, '2000-01-01', 'forger', 'test.forge', $1, $1)
       RETURNING id, at, prev_hash, row_hash`,
      ['f'.repeat(64)],
    );
    const last = (await links()).at(-2)!;
    expect(rows[0]!.id).toBe(last.id + 1);
    expect(rows[0]!.at.getFullYear()).toBeGreaterThan(2020);
    expect(rows[0]!.prev_hash).toBe(last.row_hash);
    expect(rows[0]!.row_hash).not.toBe('f'.repeat(64));
    expect(await verifyAuditChain(pool)).toMatchObject({ ok: true });
  });

  it('refuses UPDATE, DELETE and TRUNCATE from the app, even on no rows, and the chain head by hand', async () => {
    const refusals = [
      `UPDATE audit_log SET detail = '{"forged": true}' WHERE id = 3`,
      'UPDATE audit_log SET action = action WHERE false',
      'DELETE FROM audit_log WHERE id = 3',
      'DELETE FROM audit_log',
      'TRUNCATE audit_log',
    ];
    for (const sql of refusals) await expect(pool.query(sql), sql).rejects.toThrow(/append-only/);
    for (const sql of [
      'UPDATE audit_chain_head SET last_id = 1',
      'DELETE FROM audit_chain_head',
      'TRUNCATE audit_chain_head',
    ]) {
      await expect(pool.query(sql), sql).rejects.toThrow(/chain head/);
    }
    expect((await pool.query('SELECT detail FROM audit_log WHERE id = 3')).rows[0].detail).not.toHaveProperty(
      'forged',
    );
    expect(await verifyAuditChain(pool)).toMatchObject({ ok: true });
  });

  it('names the row whose detail was changed with the trigger disabled, and is OK again once it is put back', async () => {
    const original = (await pool.query<{ detail: unknown }>('SELECT detail FROM audit_log WHERE id = 57'))
      .rows[0]!.detail;
    await asOwnerBypassingTrigger(
      `UPDATE audit_log SET detail = '{"n": 0, "text": "แก้ไข"}' WHERE id = $1`,
      [57],
    );

    expect(await verifyAuditChain(pool)).toMatchObject({
      ok: false,
      rows: 56,
      broken: { id: 57, reason: expect.stringMatching(/row 57 was changed/) },
    });
    const cli = await verifyCli();
    expect(cli.code).toBe(1);
    expect(cli.out).toContain('BROKEN at row 57');
    expect(cli.out).toContain('row 57 was changed after it was written');

    await asOwnerBypassingTrigger('UPDATE audit_log SET detail = $2 WHERE id = $1', [
      57,
      JSON.stringify(original),
    ]);
    expect(await verifyAuditChain(pool)).toMatchObject({ ok: true });
  });

  it('accepts old rows removed by the documented retention procedure, and nothing else', async () => {
    const keepFrom = 100;
    await asOwnerBypassingTrigger('DELETE FROM audit_log WHERE id < $1', [keepFrom]);
    expect(await verifyAuditChain(pool)).toMatchObject({
      ok: false,
      broken: { id: keepFrom, reason: expect.stringMatching(/does not start/) },
    });

    await pool.query(
      `INSERT INTO audit_log (username, action, target, detail)
       SELECT current_user, 'audit.retention', 'audit_log', jsonb_build_object('keptFromId', id, 'keptFromPrevHash', prev_hash)
         FROM audit_log WHERE id = $1`,
      [keepFrom],
    );
    const count = Number((await pool.query('SELECT count(*) FROM audit_log')).rows[0].count);
    expect(await verifyAuditChain(pool)).toMatchObject({ ok: true, rows: count });
  });

  it('names a chain cut at its end, and the row after one removed from the middle', async () => {
    for (let n = 0; n < 3; n++) await insertAudit(pool, entry(n));
    const lastId = (await links()).at(-1)!.id;
    await asOwnerBypassingTrigger('DELETE FROM audit_log WHERE id > $1', [lastId - 2]);
    expect(await verifyAuditChain(pool)).toMatchObject({
      ok: false,
      broken: {
        id: lastId,
        reason: expect.stringMatching(`head names row ${lastId} but the last row is ${lastId - 2}`),
      },
    });

    await asOwnerBypassingTrigger('DELETE FROM audit_log WHERE id = $1', [150]);
    expect(await verifyAuditChain(pool)).toMatchObject({
      ok: false,
      broken: { id: 151, reason: expect.stringMatching(/does not link to row 149/) },
    });
    const cli = await verifyCli();
    expect(cli.code).toBe(1);
    expect(cli.out).toContain('BROKEN at row 151');
  });
});
