// The moov duration reader on MP4 heads built box by box: version 0 and 1 media headers, a video track after a text
// track, a moov longer than the first read, and files it must leave to ffprobe.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faststartVideoSeconds } from './mp4-duration';

const box = (type: string, ...body: Buffer[]): Buffer => {
  const content = Buffer.concat(body);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + content.length);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, content]);
};

const hdlr = (handler: string) => {
  const body = Buffer.alloc(24);
  body.write(handler, 8, 'latin1');
  return box('hdlr', body);
};

function mdhd(version: 0 | 1, timescale: number, duration: number): Buffer {
  if (version === 0) {
    const body = Buffer.alloc(24);
    body.writeUInt32BE(timescale, 12);
    body.writeUInt32BE(duration, 16);
    return box('mdhd', body);
  }
  const body = Buffer.alloc(36);
  body[0] = 1;
  body.writeUInt32BE(timescale, 20);
  body.writeBigUInt64BE(BigInt(duration), 24);
  return box('mdhd', body);
}

const trak = (handler: string, header: Buffer) => box('trak', box('mdia', header, hdlr(handler)));
const ftyp = box('ftyp', Buffer.from('isom\0\0\0\0isom', 'latin1'));
const mdat = box('mdat', Buffer.alloc(64));

let dir: string;
const file = async (name: string, ...parts: Buffer[]) => {
  const at = path.join(dir, name);
  await writeFile(at, Buffer.concat(parts));
  return at;
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'mp4-duration-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('faststartVideoSeconds', () => {
  it('reads the video track of a version 0 media header, after a text track', async () => {
    const moov = box(
      'moov',
      trak('text', mdhd(0, 1000, 99_000)),
      trak('vide', mdhd(0, 15_360, 15_360 * 12.5)),
    );
    expect(await faststartVideoSeconds(await file('v0.mp4', ftyp, moov, mdat))).toBe(12.5);
  });

  it('reads a version 1 media header (64-bit duration)', async () => {
    const moov = box('moov', trak('vide', mdhd(1, 90_000, 90_000 * 600)));
    expect(await faststartVideoSeconds(await file('v1.mp4', ftyp, moov, mdat))).toBe(600);
  });

  it('reads a moov longer than its first read', async () => {
    const padding = box('free', Buffer.alloc(700 * 1024));
    const moov = box('moov', padding, trak('vide', mdhd(0, 25, 25 * 3600)));
    expect(await faststartVideoSeconds(await file('long.mp4', ftyp, moov, mdat))).toBe(3600);
  });

  it('leaves to ffprobe a file whose moov is at the end, has no video or is cut short', async () => {
    const moov = box('moov', trak('vide', mdhd(0, 1000, 5000)));
    expect(await faststartVideoSeconds(await file('end.mp4', ftyp, mdat, box('free'), moov))).toBeNull();
    const sound = box('moov', trak('soun', mdhd(0, 48_000, 48_000)));
    expect(await faststartVideoSeconds(await file('audio.mp4', ftyp, sound, mdat))).toBeNull();
    const long = box('moov', box('free', Buffer.alloc(700 * 1024)), trak('vide', mdhd(0, 25, 250)));
    expect(
      await faststartVideoSeconds(await file('short.mp4', ftyp, long.subarray(0, 600 * 1024))),
    ).toBeNull();
  });
});
