// Event snapshots: a video frame (packed BGR/RGB) → JPEG with labelled boxes, or a JPEG of one object.
import sharp from 'sharp';

export type ChannelOrder = 'bgr' | 'rgb';

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** [x1, y1, x2, y2] in pixels of the cropped (content) image. */
export type BoxXYXY = readonly [number, number, number, number];

export interface SnapshotBox {
  box: BoxXYXY;
  label: string;
  /** CSS colour (#rgb, #rrggbb, a name or rgb()); a per-label default otherwise. */
  color?: string;
}

export interface FrameInput {
  /** Packed HWC, 3 bytes per pixel, no row padding. */
  frame: Uint8Array;
  width: number;
  height: number;
  channels: ChannelOrder;
  /** Content area inside a letterboxed frame; the whole frame when absent. */
  crop?: Rect;
}

export interface RenderSnapshotInput extends FrameInput {
  boxes: readonly SnapshotBox[];
  /** JPEG quality 1–100 (default 85). */
  quality?: number;
}

export interface CropObjectInput extends FrameInput {
  box: BoxXYXY;
  /** Context kept around the box on each side, as a fraction of the box size (default 0.2). */
  margin?: number;
  /** Grow tiny boxes to at least this many pixels per side, so a distant animal is still recognisable. */
  minSize?: number;
  quality?: number;
}

const DEFAULT_QUALITY = 85;
const PALETTE = ['#ff3b30', '#34c759', '#ffcc00', '#00c7ff', '#ff9500', '#af52de', '#ff2d92', '#a2ff00'];
const SAFE_COLOR = /^(#[0-9a-f]{3,4}|#[0-9a-f]{6}|#[0-9a-f]{8}|[a-z]{3,20}|rgba?\(\s*[\d.\s,%]+\))$/i;
// Characters XML 1.0 forbids even when escaped; one of them would make librsvg reject the whole overlay.
// eslint-disable-next-line no-control-regex
const XML_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const MAX_LABEL = 80;

export function escapeXml(text: string): string {
  return text
    .replace(XML_CONTROL, '')
    .replace(LONE_SURROGATE, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function labelColor(label: string): string {
  let hash = 0;
  for (let i = 0; i < label.length; i++) hash = (hash * 31 + label.charCodeAt(i)) >>> 0;
  return PALETTE[hash % PALETTE.length] ?? '#ff3b30';
}

function boxColor(box: SnapshotBox): string {
  const color = box.color?.trim();
  return color && SAFE_COLOR.test(color) ? color : labelColor(box.label);
}

function checkRect(rect: Rect, width: number, height: number, what: string): void {
  const { left, top, width: w, height: h } = rect;
  if (![left, top, w, h].every(Number.isInteger) || left < 0 || top < 0 || w < 1 || h < 1) {
    throw new RangeError(`${what} must have integer left/top >= 0 and width/height >= 1`);
  }
  if (left + w > width || top + h > height) {
    throw new RangeError(`${what} ${w}x${h}+${left}+${top} is outside the ${width}x${height} frame`);
  }
}

function contentRect(input: FrameInput): Rect {
  const { width, height, frame } = input;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`Invalid frame size ${width}x${height}`);
  }
  if (frame.length !== width * height * 3) {
    throw new RangeError(
      `Frame has ${frame.length} bytes, expected ${width * height * 3} (${width}x${height}x3)`,
    );
  }
  if (input.channels !== 'bgr' && input.channels !== 'rgb')
    throw new RangeError('channels must be bgr or rgb');
  const rect = input.crop ?? { left: 0, top: 0, width, height };
  checkRect(rect, width, height, 'Crop');
  return rect;
}

/**
 * Copies `rect` (frame pixels) out as packed RGB. Swapping while copying is one pass and exact, where a
 * sharp recomb would go through floats; a full-frame RGB input is used as is.
 */
function extractRgb(input: FrameInput, rect: Rect): Buffer {
  const { frame, width } = input;
  const whole = rect.left === 0 && rect.top === 0 && rect.width === width && rect.height === input.height;
  if (input.channels === 'rgb' && whole) return Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength);
  const out = Buffer.allocUnsafe(rect.width * rect.height * 3);
  const rowBytes = rect.width * 3;
  for (let y = 0; y < rect.height; y++) {
    const src = ((rect.top + y) * width + rect.left) * 3;
    const dst = y * rowBytes;
    if (input.channels === 'rgb') {
      out.set(frame.subarray(src, src + rowBytes), dst);
      continue;
    }
    for (let i = 0; i < rowBytes; i += 3) {
      out[dst + i] = frame[src + i + 2]!;
      out[dst + i + 1] = frame[src + i + 1]!;
      out[dst + i + 2] = frame[src + i]!;
    }
  }
  return out;
}

function checkQuality(quality: number | undefined): number {
  const q = quality ?? DEFAULT_QUALITY;
  if (!Number.isInteger(q) || q < 1 || q > 100) throw new RangeError('quality must be an integer 1-100');
  return q;
}

function toJpeg(
  rgb: Buffer,
  width: number,
  height: number,
  quality: number,
  overlay?: string,
): Promise<Buffer> {
  let image = sharp(rgb, { raw: { width, height, channels: 3 } });
  if (overlay) image = image.composite([{ input: Buffer.from(overlay), left: 0, top: 0 }]);
  // 4:4:4 keeps thin coloured outlines and label text crisp; 4:2:0 smears their colour.
  return image.jpeg({ quality, chromaSubsampling: '4:4:4' }).toBuffer();
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** SVG the size of the image with one outlined rectangle and label per box (boxes clamped to the image). */
export function overlaySvg(width: number, height: number, boxes: readonly SnapshotBox[]): string {
  const short = Math.min(width, height);
  const stroke = Math.max(2, Math.round(short / 200));
  const fontSize = Math.max(11, Math.round(short / 36));
  const labelHeight = Math.round(fontSize * 1.4);
  const parts: string[] = [];
  for (const item of boxes) {
    if (!item.box.every(Number.isFinite)) continue;
    const [a, b, c, d] = item.box;
    const x1 = clamp(Math.min(a, c), 0, width);
    const x2 = clamp(Math.max(a, c), 0, width);
    const y1 = clamp(Math.min(b, d), 0, height);
    const y2 = clamp(Math.max(b, d), 0, height);
    if (x2 - x1 < 1 || y2 - y1 < 1) continue;
    const color = escapeXml(boxColor(item));
    // Inset by half the stroke so the whole outline lies inside the box (and inside the image).
    const inset = Math.min(stroke / 2, (x2 - x1) / 2, (y2 - y1) / 2);
    parts.push(
      `<rect x="${x1 + inset}" y="${y1 + inset}" width="${x2 - x1 - 2 * inset}" height="${y2 - y1 - 2 * inset}" ` +
        `fill="none" stroke="${color}" stroke-width="${stroke}"/>`,
    );
    const label = item.label.replace(/\s+/g, ' ').trim().slice(0, MAX_LABEL);
    if (!label) continue;
    // Rough advance width: good enough to size the background; text beyond it is simply clipped.
    const labelWidth = Math.min(width, Math.round(label.length * fontSize * 0.62 + fontSize * 0.6));
    const lx = clamp(x1, 0, Math.max(0, width - labelWidth));
    // Above the box when there is room, else just inside its top edge.
    const ly = y1 >= labelHeight ? y1 - labelHeight : y1;
    parts.push(
      `<rect x="${lx}" y="${ly}" width="${labelWidth}" height="${labelHeight}" fill="#000" fill-opacity="0.65"/>`,
      `<text x="${lx + fontSize * 0.3}" y="${ly + fontSize * 1.05}" font-family="DejaVu Sans, Noto Sans Thai, sans-serif" ` +
        `font-size="${fontSize}" fill="${color}">${escapeXml(label)}</text>`,
    );
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`
  );
}

/** The content area of the frame as a JPEG with every box outlined and labelled. */
export async function renderSnapshot(input: RenderSnapshotInput): Promise<Buffer> {
  const quality = checkQuality(input.quality);
  const rect = contentRect(input);
  const rgb = extractRgb(input, rect);
  const overlay = input.boxes.length > 0 ? overlaySvg(rect.width, rect.height, input.boxes) : undefined;
  return toJpeg(rgb, rect.width, rect.height, quality, overlay);
}

/** The region `cropObject` cuts, in content-image pixels (exported for callers that store it). */
export function objectRegion(
  box: BoxXYXY,
  content: { width: number; height: number },
  margin = 0.2,
  minSize = 32,
): Rect {
  if (!box.every(Number.isFinite)) throw new RangeError('Box coordinates must be finite numbers');
  if (!(margin >= 0) || !(minSize >= 1)) throw new RangeError('margin must be >= 0 and minSize >= 1');
  const [a, b, c, d] = box;
  const bw = Math.abs(c - a);
  const bh = Math.abs(d - b);
  const cx = (a + c) / 2;
  const cy = (b + d) / 2;
  if (cx < 0 || cx > content.width || cy < 0 || cy > content.height) {
    throw new RangeError('Box centre is outside the image');
  }
  const w = Math.min(content.width, Math.max(bw * (1 + 2 * margin), minSize));
  const h = Math.min(content.height, Math.max(bh * (1 + 2 * margin), minSize));
  // Shift (rather than shrink) a region that sticks out of the image, so the object keeps its context.
  const left = clamp(Math.floor(cx - w / 2), 0, content.width - Math.ceil(w));
  const top = clamp(Math.floor(cy - h / 2), 0, content.height - Math.ceil(h));
  return { left, top, width: Math.ceil(w), height: Math.ceil(h) };
}

/** JPEG of one object's box plus margin: the "best frame" thumbnail of a track. */
export async function cropObject(input: CropObjectInput): Promise<Buffer> {
  const quality = checkQuality(input.quality);
  const content = contentRect(input);
  const region = objectRegion(input.box, content, input.margin, input.minSize);
  const inFrame = { ...region, left: content.left + region.left, top: content.top + region.top };
  return toJpeg(extractRgb(input, inFrame), region.width, region.height, quality);
}
