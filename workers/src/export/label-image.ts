// A text label as a PNG to burn into video: Thai shaped by sharp's pango and harfbuzz in Sarabun (ffmpeg 5.1's drawtext
// here has no harfbuzz and would misplace Thai vowel and tone marks), white on a translucent dark box.
import sharp from 'sharp';
import { sarabunTtf } from './sarabun-font';

export interface LabelOptions {
  /** Font size in pixels. */
  fontPx: number;
  /** A longer label is scaled down to this width. */
  maxWidthPx: number;
}

const escapeMarkup = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

/**
 * The Thai subset has no digits or Latin letters. libvips adds each `fontfile` to fontconfig once for the process,
 * so rendering a character with the Latin subset first makes both subsets one "Sarabun" family: pango then takes
 * every character of a mixed name ("กล้อง 3 Bang Pakong") from Sarabun instead of a fallback font.
 */
async function sarabunFontfile(): Promise<string> {
  const latin = await sarabunTtf('latin', 700);
  await sharp({ text: { text: '0', font: 'Sarabun Bold 8', fontfile: latin } })
    .png()
    .toBuffer();
  return sarabunTtf('thai', 700);
}

/** The label as a PNG (RGBA); a blank text gives one transparent pixel (pango renders nothing at all). */
export async function labelPng(text: string, options: LabelOptions): Promise<Buffer> {
  if (!text.trim()) {
    return sharp({ create: { width: 1, height: 1, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer();
  }
  const fontfile = await sarabunFontfile();
  const glyphs = await sharp({
    text: {
      text: `<span foreground="white">${escapeMarkup(text.trim())}</span>`,
      font: `Sarabun Bold ${Math.round(options.fontPx)}`,
      fontfile,
      rgba: true,
      dpi: 72,
    },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
  const padX = Math.round(options.fontPx * 0.4);
  const padY = Math.round(options.fontPx * 0.2);
  const boxed = await sharp({
    create: {
      width: glyphs.info.width + 2 * padX,
      height: glyphs.info.height + 2 * padY,
      channels: 4,
      background: { r: 0, g: 0, b: 0, alpha: 0.55 },
    },
  })
    .composite([{ input: glyphs.data, left: padX, top: padY }])
    .png()
    .toBuffer({ resolveWithObject: true });
  if (boxed.info.width <= options.maxWidthPx) return boxed.data;
  return sharp(boxed.data)
    .resize({ width: Math.max(1, Math.floor(options.maxWidthPx)) })
    .png()
    .toBuffer();
}
