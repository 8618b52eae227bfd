// Numbers on map circles (cluster counts, section ranks) as images drawn on demand: the offline style has no glyphs,
// so a symbol layer cannot use text-field, but it can show an icon named after the number.
import type { ExpressionSpecification, MapLibreMap, MapStyleImageMissingEvent } from 'maplibre-gl';

const PREFIX = 'crash-number-';
const PIXEL_RATIO = 2;
const FONT_PX = 12;
const FONT = `700 ${FONT_PX * PIXEL_RATIO}px Sarabun, 'Noto Sans Thai', system-ui, sans-serif`;

/** `icon-image` for a property holding the number (or its short text). */
export const numberIcon = (property: string): ExpressionSpecification => [
  'concat',
  PREFIX,
  ['to-string', ['get', property]],
];

function drawNumber(text: string): ImageData | null {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.font = FONT;
  const halo = 2 * PIXEL_RATIO;
  canvas.width = Math.ceil(ctx.measureText(text).width) + 2 * halo;
  canvas.height = (FONT_PX + 4) * PIXEL_RATIO;
  // Resizing the canvas resets its state.
  ctx.font = FONT;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  ctx.lineWidth = halo;
  ctx.strokeStyle = 'rgba(11, 18, 32, 0.85)';
  ctx.fillStyle = '#ffffff';
  const x = canvas.width / 2;
  const y = canvas.height / 2 + PIXEL_RATIO;
  ctx.strokeText(text, x, y);
  ctx.fillText(text, x, y);
  return ctx.getImageData(0, 0, canvas.width, canvas.height);
}

/** Draws each number image the first time a layer asks for it; returns the function that stops listening. */
export function provideNumberIcons(map: MapLibreMap): () => void {
  const onMissing = (event: MapStyleImageMissingEvent) => {
    if (!event.id.startsWith(PREFIX) || map.hasImage(event.id)) return;
    const image = drawNumber(event.id.slice(PREFIX.length));
    if (image) map.addImage(event.id, image, { pixelRatio: PIXEL_RATIO });
  };
  map.on('styleimagemissing', onMissing);
  return () => map.off('styleimagemissing', onMissing);
}
