// A stored zip is served only whole: its pieces in order, and a clear refusal for anything missing, changed or unsafe.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  openStoredZip,
  saveStoredZip,
  STORED_ZIP_FILES,
  STORED_ZIP_FORMAT,
  StoredZipError,
  type StoredZipLayout,
  type StoredZipPiece,
} from './stored-zip';

let dir: string;
const FRAME = 'HEADER|DESCRIPTOR|DIRECTORY';
const VIDEO = 'video bytes '.repeat(1000);
/** header, the video, descriptor and directory: "HEADER|" + VIDEO + "DESCRIPTOR|DIRECTORY". */
const PIECES: StoredZipPiece[] = [
  { kind: 'frame', offset: 0, bytes: 7 },
  { kind: 'file', path: 'video/camera-1.mp4', bytes: VIDEO.length },
  { kind: 'frame', offset: 7, bytes: FRAME.length - 7 },
];
const WHOLE = `HEADER|${VIDEO}DESCRIPTOR|DIRECTORY`;

/** Writes a layout as given (also ones the reader must refuse). */
async function writeLayout(layout: object): Promise<void> {
  await writeFile(path.join(dir, STORED_ZIP_FILES.layout), JSON.stringify(layout));
}

const layout = (pieces = PIECES): StoredZipLayout => ({
  format: STORED_ZIP_FORMAT,
  bytes: pieces.reduce((sum, piece) => sum + piece.bytes, 0),
  sha256: createHash('sha256').update(WHOLE).digest('hex'),
  pieces,
});

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'stored-zip-'));
  await writeFile(path.join(dir, STORED_ZIP_FILES.frame), FRAME);
  await mkdir(path.join(dir, STORED_ZIP_FILES.content, 'video'), { recursive: true });
  await writeFile(path.join(dir, STORED_ZIP_FILES.content, 'video/camera-1.mp4'), VIDEO);
  await writeLayout(layout());
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('openStoredZip', () => {
  it('streams the pieces in order, with the size and hash of the layout', async () => {
    const opened = await openStoredZip(dir);
    expect(opened.bytes).toBe(WHOLE.length);
    expect(opened.sha256).toBe(createHash('sha256').update(WHOLE).digest('hex'));
    expect(await text(opened.stream())).toBe(WHOLE);
    // Each stream starts again from the first byte.
    expect(await text(opened.stream())).toBe(WHOLE);
  });

  it('saves the same bytes as one file', async () => {
    const saved = path.join(dir, 'saved.zip');
    await saveStoredZip(dir, saved);
    expect(await readFile(saved, 'utf8')).toBe(WHOLE);
  });

  it.each([
    ['no layout', async () => rm(path.join(dir, STORED_ZIP_FILES.layout)), /layout file is missing/],
    [
      'a layout that is not JSON',
      async () => writeFile(path.join(dir, STORED_ZIP_FILES.layout), '{'),
      /not a stored zip layout/,
    ],
    ['another format', async () => writeLayout({ ...layout(), format: 'zip/0' }), /not a stored zip layout/],
    ['a total that does not add up', async () => writeLayout({ ...layout(), bytes: 5 }), /does not add up/],
    [
      'a negative offset',
      async () => writeLayout(layout([{ kind: 'frame', offset: -1, bytes: 1 }])),
      /not a stored zip/,
    ],
    [
      'a short frame',
      async () => truncate(path.join(dir, STORED_ZIP_FILES.frame), 10),
      /frame file is missing or short/,
    ],
    [
      'a content file of another size',
      async () => writeFile(path.join(dir, STORED_ZIP_FILES.content, 'video/camera-1.mp4'), 'edited'),
      /"video\/camera-1\.mp4" is missing or changed/,
    ],
    [
      'a content file removed',
      async () => rm(path.join(dir, STORED_ZIP_FILES.content, 'video/camera-1.mp4')),
      /is missing or changed/,
    ],
    [
      'a path outside the folder',
      async () => writeLayout(layout([{ kind: 'file', path: '../../etc/passwd', bytes: 4 }])),
      /not a path inside the stored zip/,
    ],
  ])('refuses %s', async (_name, damage, message) => {
    await damage();
    const opening = openStoredZip(dir);
    await expect(opening).rejects.toBeInstanceOf(StoredZipError);
    await expect(opening).rejects.toThrow(message);
  });

  it('fails the stream when a piece shrinks after it was opened', async () => {
    const opened = await openStoredZip(dir);
    await truncate(path.join(dir, STORED_ZIP_FILES.content, 'video/camera-1.mp4'), 100);
    await expect(text(opened.stream())).rejects.toThrow(/camera-1\.mp4 is shorter than when it was stored/);
  });
});
