// prepareImage on generated images: geometry, padding, colour order, normalisation and bad input.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { getManifest } from '../registry';
import { prepareImage } from './prepare-image';

const yolox = getManifest('yolox_nano_416');
const picodet = getManifest('picodet_s_320');
const solid = (width: number, height: number, format: 'png' | 'jpeg') =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 100, b: 0 } } })
    .toFormat(format)
    .toBuffer();
const at = (t: Float32Array, size: number, c: number, x: number, y: number) =>
  t[c * size * size + y * size + x]!;

describe('prepareImage', () => {
  it('letterboxes at the top-left in BGR, raw 0-255, pad 114', async () => {
    const image = await prepareImage(await solid(800, 400, 'png'), yolox);
    expect(image).toMatchObject({ width: 800, height: 400, scaleX: 800 / 416, scaleY: 800 / 416 });
    expect(image.tensor).toHaveLength(3 * 416 * 416);
    // Inside the image (rows 0-207): B, G, R planes.
    expect([0, 1, 2].map((c) => at(image.tensor, 416, c, 10, 100))).toEqual([0, 100, 200]);
    expect([0, 1, 2].map((c) => at(image.tensor, 416, c, 10, 300))).toEqual([114, 114, 114]);
  });

  it('stretches in RGB with ImageNet mean and std', async () => {
    const image = await prepareImage(await solid(640, 360, 'jpeg'), picodet);
    expect(image).toMatchObject({ width: 640, height: 360, scaleX: 2, scaleY: 1.125 });
    const red = at(image.tensor, 320, 0, 160, 300);
    expect(red).toBeCloseTo((200 / 255 - 0.485) / 0.229, 1);
    expect(at(image.tensor, 320, 2, 160, 300)).toBeLessThan(-1.7);
  });

  it('applies the EXIF orientation', async () => {
    // Left half red, right half blue, stored with "rotate 90° clockwise to display": red ends up on top.
    const halves = await sharp({ create: { width: 300, height: 100, channels: 3, background: '#ff0000' } })
      .composite([
        {
          input: { create: { width: 150, height: 100, channels: 3, background: '#0000ff' } },
          left: 150,
          top: 0,
        },
      ])
      .png()
      .toBuffer();
    const rotated = await sharp(halves).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const image = await prepareImage(rotated, yolox);
    expect(image).toMatchObject({ width: 100, height: 300 });
    // 100×300 → 139×416 at the top-left; BGR planes, so red is plane 2.
    expect(at(image.tensor, 416, 2, 50, 50)).toBeGreaterThan(240);
    expect(at(image.tensor, 416, 0, 50, 350)).toBeGreaterThan(240);
  });

  it('rejects input that is not an image', async () => {
    await expect(prepareImage(Buffer.from('not a picture'), yolox)).rejects.toThrow(/not a readable image/);
    await expect(prepareImage(new Uint8Array(0), yolox)).rejects.toThrow(/empty/);
    const truncated = (await solid(640, 480, 'jpeg')).subarray(0, 400);
    await expect(prepareImage(truncated, yolox)).rejects.toThrow(/^prepareImage: /);
  });
});
