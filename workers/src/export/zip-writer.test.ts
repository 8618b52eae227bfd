// The zip writer's stored zip, served as one file, read back by the two readers the product verifies packages with:
// yauzl (CLI) and zip.js (browser).
import { createHash, randomBytes } from 'node:crypto';
import { access, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BlobReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveStoredZip, STORED_ZIP_FILES } from '@toc/server/lib/stored-zip';
import { StoredZipWriter } from './zip-writer';

let dir: string;
const video = randomBytes(2 * 1024 * 1024 + 333); // three copy chunks, the last one short
const manifest = Buffer.from(
  `${JSON.stringify({ hello: 'สวัสดี', list: Array.from({ length: 200 }, (_, i) => i) })}\n`,
);
const pdf = Buffer.from('%PDF-1.4 letter');
const mtime = new Date('2026-12-05T10:30:07Z');
const entries = new Map<string, Buffer>([
  ['video/กล้อง-1.mp4', video],
  ['manifest.json', manifest],
  ['letter.pdf', pdf],
]);

/** Writes the three entries as a stored zip in `<name>.stored` and saves it as the zip file `<name>`. */
async function writeZip(name: string, options?: { forceZip64?: boolean }) {
  const zipPath = path.join(dir, name);
  const storedDir = `${zipPath}.stored`;
  const zip = await StoredZipWriter.create(storedDir, options);
  const chunks: number[] = [];
  const stored = await zip.addFile('video/กล้อง-1.mp4', path.join(dir, 'video.mp4'), {
    mtime,
    mode: 0o100644,
    expectedBytes: video.length,
    onChunk: (chunk) => chunks.push(chunk.length),
  });
  await zip.addBuffer('manifest.json', manifest, { mtime, mode: 0o100644, compress: true });
  await zip.addBuffer('letter.pdf', pdf, { mtime, mode: 0o100644, compress: false });
  const finished = await zip.finish();
  await saveStoredZip(storedDir, zipPath);
  return { zipPath, storedDir, stored, chunks, finished };
}

async function readWithYauzl(zipPath: string) {
  const zip = await yauzl.openPromise(zipPath, { lazyEntries: true, autoClose: false });
  const read = new Map<string, { bytes: Buffer; entry: yauzl.Entry }>();
  try {
    for await (const entry of zip.eachEntry()) {
      const parts: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry)) parts.push(chunk as Buffer);
      read.set(entry.fileName, { bytes: Buffer.concat(parts), entry });
    }
  } finally {
    zip.close();
  }
  return read;
}

async function readWithZipJs(zipPath: string) {
  const reader = new ZipReader(new BlobReader(new Blob([await readFile(zipPath)])));
  const read = new Map<string, Buffer>();
  for (const entry of await reader.getEntries()) {
    if (entry.directory) continue;
    read.set(entry.filename, Buffer.from(await entry.getData(new Uint8ArrayWriter())));
  }
  await reader.close();
  return read;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'zip-writer-'));
  await writeFile(path.join(dir, 'video.mp4'), video);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.each([
  { label: 'plain', forceZip64: false },
  { label: 'ZIP64 records throughout', forceZip64: true },
])('StoredZipWriter ($label)', ({ forceZip64 }) => {
  it('writes entries both readers return byte for byte, with their CRC, mode and time', async () => {
    const { zipPath, stored, chunks } = await writeZip(`${forceZip64}.zip`, { forceZip64 });
    expect(chunks).toEqual([1024 * 1024, 1024 * 1024, 333]);
    expect(stored.bytes).toBe(video.length);

    const yauzlRead = await readWithYauzl(zipPath);
    expect([...yauzlRead.keys()]).toEqual([...entries.keys()]);
    for (const [name, bytes] of entries) {
      const { bytes: read, entry } = yauzlRead.get(name)!;
      expect(read.equals(bytes), name).toBe(true);
      expect(entry.externalFileAttributes >>> 16, name).toBe(0o100644);
      // The extended timestamp holds the second the DOS fields (2 s steps) cannot.
      expect(entry.getLastModDate().getTime(), name).toBe(mtime.getTime());
    }
    expect(yauzlRead.get('video/กล้อง-1.mp4')!.entry.compressionMethod).toBe(0);
    expect(yauzlRead.get('manifest.json')!.entry.compressionMethod).toBe(8);
    expect(yauzlRead.get('letter.pdf')!.entry.compressionMethod).toBe(0);

    const zipJsRead = await readWithZipJs(zipPath);
    expect([...zipJsRead.keys()]).toEqual([...entries.keys()]);
    for (const [name, bytes] of entries) expect(zipJsRead.get(name)!.equals(bytes), name).toBe(true);
  });

  it('reports the size and SHA-256 of exactly the bytes it wrote', async () => {
    const { zipPath, finished } = await writeZip(`${forceZip64}-hash.zip`, { forceZip64 });
    const bytes = await readFile(zipPath);
    expect(finished.bytes).toBe((await stat(zipPath)).size);
    expect(finished.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    // The end of central directory record is last; with ZIP64 its locator comes just before it and points at the
    // ZIP64 record. Read where the records are, not searched for: the random video may hold any four bytes.
    expect(bytes.readUInt32LE(bytes.length - 22)).toBe(0x06054b50);
    const locatorAt = bytes.length - 22 - 20;
    expect(bytes.readUInt32LE(locatorAt) === 0x07064b50).toBe(forceZip64);
    if (forceZip64) expect(bytes.readUInt32LE(Number(bytes.readBigUInt64LE(locatorAt + 8)))).toBe(0x06064b50);
  });

  it('keeps the large entry as its own file, copied unless moved, and writes only the rest', async () => {
    const { storedDir } = await writeZip(`${forceZip64}-parts.zip`, { forceZip64 });
    expect((await readdir(storedDir)).sort()).toEqual(
      [STORED_ZIP_FILES.content, STORED_ZIP_FILES.frame, STORED_ZIP_FILES.layout].sort(),
    );
    const placed = path.join(storedDir, STORED_ZIP_FILES.content, 'video/กล้อง-1.mp4');
    expect((await readFile(placed)).equals(video)).toBe(true);
    await access(path.join(dir, 'video.mp4')); // copied: the source is still there
    const frame = await stat(path.join(storedDir, STORED_ZIP_FILES.frame));
    expect(frame.size).toBeLessThan(2048);
  });
});

it('moves a file it is given to keep', async () => {
  const source = path.join(dir, 'cut.mp4');
  await writeFile(source, video);
  const storedDir = path.join(dir, 'moved.stored');
  const zip = await StoredZipWriter.create(storedDir);
  await zip.addFile('video/cut.mp4', source, {
    mtime,
    mode: 0o100644,
    expectedBytes: video.length,
    move: true,
  });
  await zip.finish();
  await expect(access(source)).rejects.toThrow(/ENOENT/);
  const saved = path.join(dir, 'moved.zip');
  await saveStoredZip(storedDir, saved);
  expect((await readWithYauzl(saved)).get('video/cut.mp4')!.bytes.equals(video)).toBe(true);
});

it('refuses a file whose length is not the one expected, naming it', async () => {
  const zip = await StoredZipWriter.create(path.join(dir, 'short.stored'));
  await expect(
    zip.addFile('video/clip.mp4', path.join(dir, 'video.mp4'), {
      mtime,
      mode: 0o100644,
      expectedBytes: video.length + 1,
    }),
  ).rejects.toThrow(
    `zip: video/clip.mp4 was ${video.length + 1} bytes when opened and ${video.length} when read`,
  );
  await zip.abort();
});
