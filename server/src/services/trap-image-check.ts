// A camera-trap upload is decoded before it is stored: not an image → 415, too many pixels → 413, damaged → 415.
import sharp from 'sharp';
import { HttpError } from '../lib/http-error';

export type ImageKind = 'jpeg' | 'png';

/** Far above any camera trap (a 24 MP sensor is 6000 × 4000), far below a decompression bomb. */
export const TRAP_IMAGE_MAX_PIXELS = 40_000_000;

/** Trusts the bytes, not the Content-Type header. */
export function sniffImage(data: Buffer): ImageKind | null {
  if (data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (data.length > png.length && png.every((byte, i) => data[i] === byte)) return 'png';
  return null;
}

const damaged = (detail: string) =>
  new HttpError(415, `The image is damaged and cannot be decoded (${detail})`, `ภาพเสียหาย ถอดรหัสภาพไม่ได้ (${detail})`);

/** The image's kind once it is known to decode whole within the pixel limit; throws the HttpError to answer otherwise. */
export async function checkTrapImage(data: Buffer, maxPixels = TRAP_IMAGE_MAX_PIXELS): Promise<ImageKind> {
  const kind = sniffImage(data);
  if (!kind) throw new HttpError(415, 'The upload is not a JPEG or PNG image', 'ไฟล์ที่ส่งมาไม่ใช่ภาพ JPEG หรือ PNG');
  // The header first: a pixel flood is refused before a single row is decompressed.
  // (No limit on this read: it parses the header only, and the limit is applied below with its own answer.)
  const { width, height } = await sharp(data, { limitInputPixels: false }).metadata().catch((error: Error) => {
    throw damaged(error.message);
  });
  if (!width || !height) throw damaged('no dimensions');
  if (width * height > maxPixels) {
    const limit = `${(maxPixels / 1e6).toFixed(0)} MP`;
    throw new HttpError(413, `The image is ${width} × ${height} pixels; at most ${limit}`, `ภาพมีขนาด ${width} × ${height} พิกเซล เกินกว่า ${limit}`);
  }
  // Then every row: a truncated or corrupt body fails here, not later in the detector's retries.
  await sharp(data, { limitInputPixels: maxPixels, failOn: 'truncated' })
    .resize(16, 16, { fit: 'fill' })
    .raw()
    .toBuffer()
    .catch((error: Error) => {
      throw damaged(error.message.split('\n')[0]!);
    });
  return kind;
}
