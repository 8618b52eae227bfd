// The top codes of a breakdown by crashes, with the rest summed into one "others" row.
import type { CodedCount } from '@toc/server/schemas';

export interface Others {
  /** How many codes were summed. */
  codes: number;
  crashes: number;
  deaths: number;
}

export interface TopCodes {
  top: CodedCount[];
  others: Others | null;
}

/** Most crashes first, then most deaths; the code breaks ties so the order does not depend on the server's. */
const byCrashes = (a: CodedCount, b: CodedCount) =>
  b.crashes - a.crashes || b.deaths - a.deaths || a.code.localeCompare(b.code);

/**
 * The `limit` codes with most crashes and the rest summed. A single leftover code is shown itself: "others (1 code)"
 * would take the same row and hide its name.
 */
export function topWithOthers(items: readonly CodedCount[], limit: number): TopCodes {
  const sorted = [...items].sort(byCrashes);
  const keep = sorted.length <= limit + 1 ? sorted.length : Math.max(0, limit);
  const rest = sorted.slice(keep);
  return {
    top: sorted.slice(0, keep),
    others:
      rest.length === 0
        ? null
        : {
            codes: rest.length,
            crashes: rest.reduce((sum, c) => sum + c.crashes, 0),
            deaths: rest.reduce((sum, c) => sum + c.deaths, 0),
          },
  };
}
