// Files that appear whole or not at all, under a base directory that stored paths cannot escape.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** A stored relative path that would reach outside its base directory (the path may come from a request). */
export class UnsafePathError extends Error {
  override readonly name = 'UnsafePathError';
}

/**
 * Absolute path of `relative` under `baseDir`. Throws UnsafePathError for anything absolute, containing '..',
 * backslashes or NUL, or otherwise resolving outside `baseDir`.
 */
export function resolveInside(baseDir: string, relative: string): string {
  if (typeof relative !== 'string' || relative.trim() === '') throw new UnsafePathError('Empty path');
  if (relative.includes('\0') || relative.includes('\\')) throw new UnsafePathError('Path contains forbidden characters');
  if (path.posix.isAbsolute(relative) || path.win32.isAbsolute(relative) || /^[A-Za-z]:/.test(relative)) {
    throw new UnsafePathError('Path must be relative');
  }
  if (relative.split('/').includes('..')) throw new UnsafePathError('Path must not contain ..');
  const root = path.resolve(baseDir);
  const full = path.resolve(root, relative);
  const inside = path.relative(root, full);
  // Belt and braces after the checks above: the resolved path must be strictly below the root.
  if (inside === '' || inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) {
    throw new UnsafePathError('Path is outside its directory');
  }
  return full;
}

/**
 * Writes to a temporary file beside the target, flushes it and renames it into place, so readers never see half
 * a file; writing the same path again replaces it. Returns the data's SHA-256.
 */
export async function writeFileAtomic(baseDir: string, relative: string, data: Uint8Array): Promise<{ sha256: string; bytes: number }> {
  const target = resolveInside(baseDir, relative);
  await mkdir(path.dirname(target), { recursive: true });
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.tmp`);
  try {
    const file = await open(temp, 'wx');
    try {
      await file.writeFile(data);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return { sha256: createHash('sha256').update(data).digest('hex'), bytes: data.byteLength };
}
