// Test helper: a digest of every table in a test schema, to show that a refused request changed nothing.
import type { Pool } from '../src/db/pool';

/**
 * Sessions are left out: every signed-in request moves its session's last-use time (the idle timeout), whether or not
 * the request is refused.
 */
const IGNORED_TABLES = ['sessions'];

/** One md5 per table over its rows in a stable order; identifiers quoted by PostgreSQL's format('%I'). */
export async function tableDigests(db: Pool, schema: string): Promise<Record<string, string>> {
  const { rows } = await db.query<{ name: string; digest: string }>(
    `SELECT c.relname AS name,
            md5(query_to_xml(format('SELECT md5(string_agg(t::text, chr(10) ORDER BY t::text)) AS d FROM %I.%I t', n.nspname, c.relname),
                             true, false, '')::text) AS digest
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT (c.relname = ANY($2::text[]))
      ORDER BY c.relname`,
    [schema, IGNORED_TABLES],
  );
  return Object.fromEntries(rows.map((row) => [row.name, row.digest]));
}

/** The tables whose digest differs between two snapshots (added or removed tables included). */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name] !== after[name]).sort();
}
