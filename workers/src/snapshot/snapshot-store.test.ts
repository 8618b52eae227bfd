import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveSnapshotPath, saveSnapshot, SnapshotPathError, snapshotRelativePath } from './snapshot-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'toc-snapshots-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const jpeg = () =>
  sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 200, g: 0, b: 0 } } })
    .jpeg()
    .toBuffer();

describe('saveSnapshot', () => {
  it('writes the file under the Bangkok date and returns a matching sha256', async () => {
    const data = await jpeg();
    // 18:30 UTC on the 21st is already the 22nd in Bangkok.
    const saved = await saveSnapshot(dir, {
      eventId: 42,
      name: 'scene',
      jpeg: data,
      at: new Date('2026-11-21T18:30:00Z'),
    });

    expect(saved.path).toBe('2026/11/22/42-scene.jpg');
    expect(saved.bytes).toBe(data.length);
    const onDisk = await readFile(path.join(dir, saved.path));
    expect(onDisk.equals(data)).toBe(true);
    expect(saved.sha256).toBe(createHash('sha256').update(onDisk).digest('hex'));
    expect(await readdir(path.join(dir, '2026/11/22'))).toEqual(['42-scene.jpg']); // no temp file left
  });

  it('replaces an earlier snapshot of the same event and name', async () => {
    const at = new Date('2026-01-05T00:00:00Z');
    await saveSnapshot(dir, { eventId: 1, name: 'best', jpeg: await jpeg(), at });
    const other = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#00f' } })
      .jpeg()
      .toBuffer();
    const saved = await saveSnapshot(dir, { eventId: 1, name: 'best', jpeg: other, at });
    expect((await readFile(path.join(dir, saved.path))).equals(other)).toBe(true);
  });

  it('refuses unsafe names, bad ids and non-JPEG data', async () => {
    const data = await jpeg();
    await expect(saveSnapshot(dir, { eventId: 1, name: '../evil', jpeg: data })).rejects.toThrow(/name/);
    await expect(saveSnapshot(dir, { eventId: 1, name: 'a/b', jpeg: data })).rejects.toThrow(/name/);
    await expect(saveSnapshot(dir, { eventId: 0, name: 'x', jpeg: data })).rejects.toThrow(/event id/);
    await expect(
      saveSnapshot(dir, { eventId: 1, name: 'x', jpeg: Buffer.from('not a jpeg') }),
    ).rejects.toThrow(/JPEG/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('names the date folder in Bangkok time', () => {
    expect(snapshotRelativePath(7, 'best', new Date('2026-12-31T16:59:59Z'))).toBe('2026/12/31/7-best.jpg');
    expect(snapshotRelativePath(7, 'best', new Date('2026-12-31T17:00:00Z'))).toBe('2027/01/01/7-best.jpg');
  });
});

describe('resolveSnapshotPath', () => {
  it('resolves a stored path inside the directory', () => {
    expect(resolveSnapshotPath(dir, '2026/11/22/42-scene.jpg')).toBe(
      path.join(dir, '2026', '11', '22', '42-scene.jpg'),
    );
  });

  it.each([
    '../outside.jpg',
    '2026/../../outside.jpg',
    '2026/11/..',
    '..',
    '/etc/passwd',
    'C:\\Windows\\win.ini',
    'c:/x.jpg',
    '\\\\server\\share\\x.jpg',
    '2026\\..\\..\\x.jpg',
    'a\0b.jpg',
    '',
    '.',
  ])('refuses %j', (relative) => {
    expect(() => resolveSnapshotPath(dir, relative)).toThrow(SnapshotPathError);
  });
});
