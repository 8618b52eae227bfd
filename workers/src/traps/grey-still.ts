// Whether a still carries no colour, as a night infrared trap takes it: its three channels agree but for JPEG noise.

/** Pixels sampled at most: enough to tell, cheap on a 12-megapixel still. */
const SAMPLES = 20_000;

/** `rgb` is packed 3 bytes per pixel; grey when the mean channel difference is within `tolerance` levels. */
export function isGreyStill(rgb: Uint8Array, tolerance: number): boolean {
  const pixels = Math.floor(rgb.length / 3);
  if (pixels === 0) return false;
  // An odd stride, so a regular pattern (alternate pixels, a row's width) cannot line up with the samples.
  const step = (Math.max(1, Math.floor(pixels / SAMPLES)) | 1) * 3;
  let difference = 0;
  let sampled = 0;
  for (let i = 0; i + 2 < rgb.length; i += step) {
    const r = rgb[i]!;
    const g = rgb[i + 1]!;
    const b = rgb[i + 2]!;
    difference += Math.abs(r - g) + Math.abs(g - b);
    sampled++;
  }
  return difference / (2 * sampled) <= tolerance;
}
