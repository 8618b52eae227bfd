// Files that appear whole or not at all, under a base directory that paths cannot escape.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Resolves `relative` under `baseDir`, refusing absolute paths and anything that climbs out. */
export function resolveInside(baseDir: string, relative: string): string {
  const base = path.resolve(baseDir);
  const full = path.resolve(base, relative);
  if (path.isAbsolute(relative) || relative.split(/[\\/]/).includes('..') || !full.startsWith(base + path.sep)) {
    throw new Error(`Path ${relative} is outside ${baseDir}`);
  }
  return full;
}

/** Writes to a temporary name then renames, so readers never see half a file; returns its SHA-256. */
export async function writeFileAtomic(baseDir: string, relative: string, data: Buffer): Promise<{ sha256: string; bytes: number }> {
  const full = resolveInside(baseDir, relative);
  await mkdir(path.dirname(full), { recursive: true });
  const temporary = `${full}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, data, { flag: 'wx' });
  await rename(temporary, full);
  return { sha256: createHash('sha256').update(data).digest('hex'), bytes: data.length };
}
