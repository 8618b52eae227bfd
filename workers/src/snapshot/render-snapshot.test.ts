import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cropObject, escapeXml, objectRegion, overlaySvg, renderSnapshot } from './render-snapshot';

type Rgb = [number, number, number];

/** Solid frame of one colour given in RGB, packed in the requested byte order. */
function solidFrame(width: number, height: number, [r, g, b]: Rgb, order: 'bgr' | 'rgb'): Buffer {
  const frame = Buffer.alloc(width * height * 3);
  for (let p = 0; p < frame.length; p += 3) frame.set(order === 'bgr' ? [b, g, r] : [r, g, b], p);
  return frame;
}

async function decode(jpeg: Buffer) {
  const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number): Rgb => {
    const i = (y * info.width + x) * info.channels;
    return [data[i]!, data[i + 1]!, data[i + 2]!];
  };
  return { info, at };
}

const near = (actual: Rgb, expected: Rgb, tolerance = 40) =>
  actual.every((v, i) => Math.abs(v - expected[i]!) <= tolerance);

const RED: Rgb = [220, 20, 20];
const GREEN: Rgb = [0, 255, 0];

describe('renderSnapshot', () => {
  it('writes a JPEG of the frame with colours in the right order (BGR input)', async () => {
    const jpeg = await renderSnapshot({
      frame: solidFrame(64, 48, RED, 'bgr'),
      width: 64,
      height: 48,
      channels: 'bgr',
      boxes: [],
    });
    expect(jpeg.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const { info, at } = await decode(jpeg);
    expect([info.format, info.width, info.height, info.channels]).toEqual(['raw', 64, 48, 3]);
    expect(near(at(32, 24), RED)).toBe(true);
  });

  it('accepts RGB input, and the check is sensitive to a wrong channel order', async () => {
    const frame = solidFrame(32, 32, RED, 'rgb');
    const right = await decode(
      await renderSnapshot({ frame, width: 32, height: 32, channels: 'rgb', boxes: [] }),
    );
    expect(near(right.at(16, 16), RED)).toBe(true);
    const wrong = await decode(
      await renderSnapshot({ frame, width: 32, height: 32, channels: 'bgr', boxes: [] }),
    );
    expect(near(wrong.at(16, 16), [RED[2], RED[1], RED[0]])).toBe(true); // red became blue
  });

  it('crops the letterbox away and draws boxes in cropped-image coordinates', async () => {
    // 160x120 frame: black bars of 20 rows above and below an 160x80 red picture.
    const width = 160;
    const height = 120;
    const frame = solidFrame(width, height, [0, 0, 0], 'bgr');
    frame.set(solidFrame(width, 80, RED, 'bgr'), 20 * width * 3);
    const jpeg = await renderSnapshot({
      frame,
      width,
      height,
      channels: 'bgr',
      crop: { left: 0, top: 20, width, height: 80 },
      boxes: [{ box: [40, 30, 120, 70], label: 'elephant 0.93', color: '#00ff00' }],
      quality: 95,
    });
    const { info, at } = await decode(jpeg);
    expect([info.width, info.height]).toEqual([160, 80]);
    expect(near(at(2, 2), RED)).toBe(true); // no black bar left at the top
    expect(near(at(2, 77), RED)).toBe(true);
    expect(near(at(40, 50), GREEN, 60)).toBe(true); // left edge of the box outline
    expect(near(at(80, 69), GREEN, 60)).toBe(true); // bottom edge
    expect(near(at(80, 50), RED)).toBe(true); // inside the box is untouched
    expect(near(at(150, 50), RED)).toBe(true);
  });

  it('survives labels with XML special and control characters', async () => {
    const frame = solidFrame(120, 90, RED, 'bgr');
    const jpeg = await renderSnapshot({
      frame,
      width: 120,
      height: 90,
      channels: 'bgr',
      boxes: [
        { box: [10, 30, 60, 80], label: '<car & "bus"> \'x\' \u0001</svg>', color: '#00ff00' },
        { box: [70, 10, 110, 50], label: 'ช้าง', color: 'red" onload="x' },
      ],
    });
    const { at } = await decode(jpeg);
    expect(near(at(10, 55), GREEN, 60)).toBe(true);
  });

  it('rejects a frame of the wrong size and a crop outside the frame', async () => {
    await expect(
      renderSnapshot({ frame: Buffer.alloc(10), width: 4, height: 4, channels: 'bgr', boxes: [] }),
    ).rejects.toThrow(/expected 48/);
    await expect(
      renderSnapshot({
        frame: Buffer.alloc(48),
        width: 4,
        height: 4,
        channels: 'bgr',
        crop: { left: 2, top: 0, width: 4, height: 4 },
        boxes: [],
      }),
    ).rejects.toThrow(/outside/);
    await expect(
      renderSnapshot({
        frame: Buffer.alloc(48),
        width: 4,
        height: 4,
        channels: 'bgr',
        boxes: [],
        quality: 0,
      }),
    ).rejects.toThrow(/quality/);
  });
});

describe('overlaySvg', () => {
  it('escapes labels and replaces unsafe colours, and skips empty boxes', () => {
    const svg = overlaySvg(100, 100, [
      { box: [10, 10, 50, 50], label: 'a<b>&c', color: 'x" onload="alert(1)' },
      { box: [20, 20, 20, 60], label: 'zero width' },
      { box: [Number.NaN, 0, 1, 1], label: 'nan' },
    ]);
    expect(svg).toContain('a&lt;b&gt;&amp;c');
    expect(svg).not.toContain('onload');
    expect(svg).not.toContain('zero width');
    expect(svg).not.toContain('nan');
  });

  it('escapeXml drops characters XML cannot carry', () => {
    expect(escapeXml(`<&>"'\u0000\u0007ok\uD800`)).toBe('&lt;&amp;&gt;&quot;&apos;ok');
    expect(escapeXml('🐘')).toBe('🐘');
  });
});

describe('cropObject', () => {
  it('cuts the box plus margin from the content area, colours intact', async () => {
    // Left half red, right half blue, inside a frame with a 10-pixel bar on the left.
    const width = 110;
    const height = 60;
    const frame = solidFrame(width, height, [0, 0, 0], 'bgr');
    for (let y = 0; y < height; y++) {
      for (let x = 10; x < width; x++) {
        const [r, g, b] = x < 60 ? RED : ([20, 20, 220] as Rgb);
        frame.set([b, g, r], (y * width + x) * 3);
      }
    }
    const jpeg = await cropObject({
      frame,
      width,
      height,
      channels: 'bgr',
      crop: { left: 10, top: 0, width: 100, height: 60 },
      box: [70, 20, 90, 40], // content coordinates: fully in the blue half
      margin: 0.25,
      minSize: 8,
    });
    const { info, at } = await decode(jpeg);
    expect([info.width, info.height]).toEqual([30, 30]);
    expect(near(at(15, 15), [20, 20, 220])).toBe(true);
    expect(near(at(1, 1), [20, 20, 220])).toBe(true);
  });

  it('keeps the region inside the image and grows tiny boxes to minSize', () => {
    expect(objectRegion([0, 0, 10, 10], { width: 100, height: 50 }, 0.5)).toEqual({
      left: 0,
      top: 0,
      width: 32,
      height: 32,
    });
    expect(objectRegion([90, 40, 100, 50], { width: 100, height: 50 }, 0, 20)).toEqual({
      left: 80,
      top: 30,
      width: 20,
      height: 20,
    });
    expect(objectRegion([-50, -50, 150, 100], { width: 100, height: 50 })).toEqual({
      left: 0,
      top: 0,
      width: 100,
      height: 50,
    });
    expect(() => objectRegion([200, 200, 210, 210], { width: 100, height: 50 })).toThrow(/outside/);
  });
});
