// Size of the built web app: bytes and gzip of every JS and CSS file in web/dist (what a browser may download).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface AssetSize {
  file: string;
  bytes: number;
  gzip: number;
}

export interface BundleSize {
  js: { bytes: number; gzip: number };
  css: { bytes: number; gzip: number };
  largest: AssetSize[];
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)])));
  return nested.flat();
}

export async function bundleSize(distDir: string): Promise<BundleSize> {
  const files = (await filesUnder(distDir)).filter((f) => /\.(m?js|css)$/.test(f));
  const sizes: (AssetSize & { kind: 'js' | 'css' })[] = [];
  for (const file of files) {
    const content = await readFile(file);
    sizes.push({ file: path.relative(distDir, file), bytes: content.length, gzip: gzipSync(content).length, kind: file.endsWith('.css') ? 'css' : 'js' });
  }
  const total = (kind: 'js' | 'css') =>
    sizes.filter((s) => s.kind === kind).reduce((sum, s) => ({ bytes: sum.bytes + s.bytes, gzip: sum.gzip + s.gzip }), { bytes: 0, gzip: 0 });
  return { js: total('js'), css: total('css'), largest: [...sizes].sort((a, b) => b.bytes - a.bytes).slice(0, 4) };
}
