// A trap upload decodes whole within the pixel limit before it is stored: pixel floods, damaged and disguised files are refused.
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../lib/http-error';
import { checkTrapImage } from './trap-image-check';

const chunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/** A grey PNG whose header claims width × height while its data is a few hundred bytes: a decompression bomb's shape. */
function pngClaiming(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(width + 1))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const noise = (format: 'jpeg' | 'png') =>
  sharp(Buffer.from(Array.from({ length: 320 * 240 * 3 }, (_, i) => (i * 7919) % 251)), { raw: { width: 320, height: 240, channels: 3 } })
    .toFormat(format)
    .toBuffer();

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (error: unknown) => (error instanceof HttpError ? `${error.statusCode} ${error.message}` : `crash ${String(error)}`),
  );

describe('checkTrapImage', () => {
  it('accepts whole JPEG and PNG images', async () => {
    expect(await checkTrapImage(await noise('jpeg'))).toBe('jpeg');
    expect(await checkTrapImage(await noise('png'))).toBe('png');
  });

  it('refuses a 50000 × 50000 pixel flood with 413 before decoding it', async () => {
    const started = Date.now();
    expect(await refusal(checkTrapImage(pngClaiming(50_000, 50_000)))).toMatch(/^413 The image is 50000 × 50000 pixels/);
    expect(Date.now() - started).toBeLessThan(2000); // the header alone decides; no 2.5 GB of rows decompressed
  });

  it('refuses truncated and corrupt images with 415 and the reason', async () => {
    const jpeg = await noise('jpeg');
    expect(await refusal(checkTrapImage(jpeg.subarray(0, Math.floor(jpeg.length / 2))))).toMatch(/^415 The image is damaged/);
    const png = await noise('png');
    const corrupt = Buffer.from(png);
    const idat = corrupt.indexOf('IDAT');
    corrupt.fill(0x5a, idat + 8, idat + 200);
    expect(await refusal(checkTrapImage(corrupt))).toMatch(/^415 The image is damaged/);
    expect(await refusal(checkTrapImage(pngClaiming(64, 64)))).toMatch(/^415 The image is damaged/); // rows missing
  });

  it('refuses a non-image whatever it is called', async () => {
    expect(await refusal(checkTrapImage(Buffer.from('GIF89a not what we take')))).toMatch(/^415 The upload is not a JPEG or PNG/);
    expect(await refusal(checkTrapImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])))).toMatch(/^415 The image is damaged/);
  });
});
