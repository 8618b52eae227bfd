// Text lines for an import's progress and summary, as the CLI prints them.
import type { ImportProgress, ImportResult } from './gtfs-import';

export const progressLine = (p: ImportProgress): string =>
  `${p.done ? '✓' : '…'} ${p.file.padEnd(20)} ${String(p.rows).padStart(9)} rows  ${String(p.rowsPerS).padStart(8)} rows/s` +
  (p.rejected ? `  ${p.rejected} rejected` : '');

export function summaryLines(name: string, result: ImportResult): string[] {
  const counts = Object.entries(result.counts)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
  const lines = [`Feed "${name}" imported as id ${result.feedId}: ${counts}`];
  if (result.rejected.length > 0) {
    lines.push(
      `Rejected rows (${result.counts.rejected}${result.counts.rejected! > result.rejected.length ? `, first ${result.rejected.length} listed` : ''}):`,
    );
    for (const row of result.rejected) lines.push(`  ${row.file}:${row.line}  ${row.reason}`);
  }
  return lines;
}
