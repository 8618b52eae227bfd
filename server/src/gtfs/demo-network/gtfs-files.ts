// Writes GTFS text files: CSV with a header, fields quoted only when they need it, UTF-8, LF line ends.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

type Cell = string | number | null | undefined;

const csvCell = (value: Cell): string => {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
};

export async function writeGtfsFolder(
  outDir: string,
  files: Record<string, { header: string[]; rows: Cell[][] }>,
): Promise<void> {
  await mkdir(outDir, { recursive: true });
  for (const [name, { header, rows }] of Object.entries(files)) {
    const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
    await writeFile(path.join(outDir, name), `${lines.join('\n')}\n`, 'utf8');
  }
}
