// The Sarabun font as TrueType files for text rendering: @fontsource ships WOFF only, which the fontconfig and FreeType
// in sharp's libvips do not load (text falls back to a font without Thai), so the WOFF tables are unpacked to a TTF.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';

const require = createRequire(import.meta.url);

/** The subsets @fontsource splits the font into: Thai letters only, and Latin (digits, punctuation). */
export type SarabunSubset = 'thai' | 'latin';
export type SarabunWeight = 400 | 600 | 700;

/**
 * WOFF 1.0 (W3C) to the sfnt it wraps: the same tables, each inflated when stored compressed, behind a rebuilt sfnt
 * header and table directory (offsets 4-byte aligned, checksums carried over).
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 font');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  let searchRange = 1;
  let entrySelector = 0;
  while (searchRange * 2 <= numTables) {
    searchRange *= 2;
    entrySelector++;
  }
  const header = Buffer.alloc(12 + 16 * numTables);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchRange * 16, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - searchRange * 16, 10);
  const chunks: Buffer[] = [header];
  let offset = header.length;
  for (let i = 0; i < numTables; i++) {
    const entry = 44 + i * 20;
    const tag = woff.readUInt32BE(entry);
    const from = woff.readUInt32BE(entry + 4);
    const compLength = woff.readUInt32BE(entry + 8);
    const origLength = woff.readUInt32BE(entry + 12);
    const stored = woff.subarray(from, from + compLength);
    const table = compLength < origLength ? inflateSync(stored) : stored;
    if (table.length !== origLength) throw new Error(`WOFF table ${i} unpacks to the wrong length`);
    header.writeUInt32BE(tag, 12 + i * 16);
    header.writeUInt32BE(woff.readUInt32BE(entry + 16), 12 + i * 16 + 4);
    header.writeUInt32BE(offset, 12 + i * 16 + 8);
    header.writeUInt32BE(origLength, 12 + i * 16 + 12);
    const padding = (4 - (table.length % 4)) % 4;
    chunks.push(table, Buffer.alloc(padding));
    offset += table.length + padding;
  }
  return Buffer.concat(chunks);
}

/** Fonts are registered with fontconfig by path for the life of the process: they stay in one fixed place. */
const FONT_DIR = path.join(tmpdir(), 'toc-fonts');

/**
 * A TTF of one Sarabun subset and weight (written once, and again if something cleaned the temporary folder).
 * @fontsource/sarabun is installed with the web workspace and hoisted to the root node_modules.
 */
export async function sarabunTtf(subset: SarabunSubset, weight: SarabunWeight): Promise<string> {
  const file = path.join(FONT_DIR, `sarabun-${subset}-${weight}.ttf`);
  if (
    await stat(file).then(
      (s) => s.size > 0,
      () => false,
    )
  )
    return file;
  const woff = require.resolve(`@fontsource/sarabun/files/sarabun-${subset}-${weight}-normal.woff`);
  await mkdir(FONT_DIR, { recursive: true });
  const partial = `${file}.${randomUUID()}.partial`;
  await writeFile(partial, woffToSfnt(await readFile(woff)));
  await rename(partial, file);
  return file;
}
