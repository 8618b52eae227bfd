// Camera-trap stills for the evaluation: the real photos and views derived from them (crops, scale, mirror).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { sharedDir } from '@toc/models';
import { ARTWORK_ELEPHANTS, openImagesId } from './elephant-dev-kinds';

export interface EvalImage {
  name: string;
  image: Buffer;
}

const media = (name: string) => readFile(path.join(sharedDir(), 'media', name));

/** Where the reference detections (../shared/models/expected) put each elephant in the photo. */
async function referenceElephants(): Promise<[number, number, number, number][]> {
  const expected = JSON.parse(
    await readFile(path.join(sharedDir(), 'models', 'expected', 'yolox_nano_416.json'), 'utf8'),
  ) as Record<string, { cls: string; box: [number, number, number, number] }[]>;
  return (expected.ctai_african_elephants ?? []).filter((d) => d.cls === 'elephant').map((d) => d.box);
}

/** Other views a camera trap could have taken of the same herd; every one shows at least one whole elephant. */
async function views(name: string, image: Buffer): Promise<EvalImage[]> {
  const { width = 0, height = 0 } = await sharp(image).metadata();
  const half = Math.round(width / 2);
  const result: EvalImage[] = [
    { name, image },
    { name: `${name} (mirrored)`, image: await sharp(image).flop().jpeg().toBuffer() },
    { name: `${name} (half size)`, image: await sharp(image).resize(half).jpeg().toBuffer() },
    {
      name: `${name} (right half)`,
      image: await sharp(image)
        .extract({ left: half, top: 0, width: width - half, height })
        .jpeg()
        .toBuffer(),
    },
  ];
  // A closer trap: each elephant with about its own size of bush around it.
  for (const [i, [x1, y1, x2, y2]] of (await referenceElephants()).entries()) {
    const w = x2 - x1;
    const h = y2 - y1;
    const left = Math.max(0, Math.round(x1 - w));
    const top = Math.max(0, Math.round(y1 - h));
    const right = Math.min(width, Math.round(x2 + w));
    const bottom = Math.min(height, Math.round(y2 + h));
    const crop = await sharp(image)
      .extract({ left, top, width: right - left, height: bottom - top })
      .jpeg()
      .toBuffer();
    result.push({ name: `${name} (elephant ${i + 1} close up)`, image: crop });
  }
  return result;
}

export async function elephantImages(): Promise<EvalImage[]> {
  return views('cameratrapai_african_elephants.jpg', await media('cameratrapai_african_elephants.jpg'));
}

/** The camera-trap negatives the product must stay silent on. */
export async function trapNegatives(): Promise<EvalImage[]> {
  const names = ['cameratrapai_blank.jpg', 'cameratrapai_vehicle.jpg'];
  return Promise.all(names.map(async (name) => ({ name, image: await media(name) })));
}

/** Other animals and people: large grey animals are the classic confusion for an elephant detector. */
export async function otherNegatives(): Promise<EvalImage[]> {
  const names = ['darknet_horses.jpg', 'darknet_dog.jpg', 'darknet_person.jpg'];
  return Promise.all(names.map(async (name) => ({ name, image: await media(name) })));
}

export interface DevPhoto extends EvalImage {
  /** False for a drawn, painted or sculpted elephant. */
  live: boolean;
}

/** The labelled Open Images development photos (elephants_openimages_dev/images), sorted by name. */
export async function devElephantPhotos(): Promise<DevPhoto[]> {
  const dir = path.join(sharedDir(), 'media', 'elephants_openimages_dev', 'images');
  const files = (await readdir(dir)).filter((f) => /\.(jpe?g|png)$/i.test(f)).sort();
  return Promise.all(
    files.map(async (file) => ({
      name: file.split('.rf.')[0]!,
      image: await readFile(path.join(dir, file)),
      live: !(openImagesId(file) in ARTWORK_ELEPHANTS),
    })),
  );
}

/** A night infrared still carries no colour: the same photo as one grey channel (stored as JPEG, as a trap would). */
export async function greyscale<T extends EvalImage>(still: T): Promise<T> {
  return {
    ...still,
    name: `${still.name} (grey)`,
    image: await sharp(still.image).greyscale().jpeg({ quality: 90 }).toBuffer(),
  };
}

/** Every still the README names as a negative, and other scenes with no elephant (street, campus). */
export async function allNegatives(): Promise<EvalImage[]> {
  const extra = ['odc_street_frame001.jpg', 'odc_street_frame250.jpg', 'opencv_vtest_frame_t10s.jpg'];
  const others = await Promise.all(extra.map(async (name) => ({ name, image: await media(name) })));
  return [...(await trapNegatives()), ...(await otherNegatives()), ...others];
}

/** Gains of a pink infrared cast (a sensor without an infrared-cut filter): red and blue above green. */
const INFRARED_CAST = [1.12, 0.9, 1.06] as const;

/**
 * A night infrared still as many traps write it: the grey photo with a pink cast, over the trap's black data strip
 * (a coloured logo, the moon phase, the temperature and the time), 7 % of the still's height.
 */
export async function nightTrap<T extends EvalImage>(still: T): Promise<T> {
  const { data, info } = await sharp(still.image).greyscale().raw().toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  const tinted = Buffer.alloc(width * height * 3);
  for (let p = 0; p < width * height; p++) {
    for (let c = 0; c < 3; c++)
      tinted[p * 3 + c] = Math.min(255, Math.round(data[p * info.channels]! * INFRARED_CAST[c]!));
  }
  const strip = Math.max(12, Math.round(height * 0.07));
  const unit = Math.round(strip * 0.6);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${strip}">
    <rect width="100%" height="100%" fill="#000"/>
    <rect x="${unit / 3}" y="${strip * 0.2}" width="${unit * 3}" height="${unit}" fill="#e8541c"/>
    <circle cx="${unit * 4.5}" cy="${strip / 2}" r="${unit / 2}" fill="#f5d90a"/>
    <rect x="${width * 0.45}" y="${strip * 0.3}" width="${width * 0.2}" height="${strip * 0.4}" fill="#2fb3e8"/>
    <rect x="${width * 0.7}" y="${strip * 0.3}" width="${width * 0.27}" height="${strip * 0.4}" fill="#fff"/>
  </svg>`;
  const image = await sharp(tinted, { raw: { width, height, channels: 3 } })
    .extend({ bottom: strip, background: '#000' })
    .composite([{ input: Buffer.from(svg), top: height, left: 0 }])
    .jpeg({ quality: 90 })
    .toBuffer();
  return { ...still, name: `${still.name} (night trap)`, image };
}
