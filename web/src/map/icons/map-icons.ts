// Registers the pictograms with MapLibre as images (drawn once, at twice the CSS size for sharp edges), and
// renders the same pictograms as data URLs for the legend, so map and legend cannot drift apart.
import type { MapLibreMap } from 'maplibre-gl';
import { EVENT_TYPES, type EventType } from '@toc/server/schemas';
import { OBJECT_CLASS_COLORS, OBJECT_OTHER_COLOR } from '../palette';
import { BUS_PICTOGRAMS, CAMERA_PICTOGRAMS, EVENT_PICTOGRAMS, headingArrow, objectDot, type Pictogram } from './pictograms';

const PIXEL_RATIO = 2;
const MARKER_ICON_PX = 16;
const OBJECT_ICON_PX = 16;
const OUTLINE = '#0b1220';

export const cameraIconId = (working: boolean) => (working ? 'camera-on' : 'camera-off');
export const eventIconId = (type: EventType) => `event-${type}`;
/** Object icons exist per colour key: a class name from the palette, or `other`. */
export const objectIconId = (kind: 'arrow' | 'dot', colourKey: string) => `object-${kind}-${colourKey}`;
export const BUS_ARROW_ICON_ID = 'bus-arrow';
export const busIconId = (electric: boolean) => (electric ? 'bus-electric' : 'bus-diesel');

interface DrawStyle {
  color: string;
  /** A soft dark edge so the icon reads on any background. */
  outline?: boolean;
  background?: string;
}

function drawCanvas(draw: Pictogram, cssPx: number, style: DrawStyle): HTMLCanvasElement {
  const size = cssPx * PIXEL_RATIO;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) return canvas;
  if (style.background) {
    ctx.fillStyle = style.background;
    ctx.beginPath();
    ctx.arc(size / 2, size / 2, size / 2, 0, Math.PI * 2);
    ctx.fill();
  }
  ctx.scale(size, size);
  ctx.fillStyle = style.color;
  ctx.strokeStyle = style.color;
  if (style.outline) {
    ctx.shadowColor = OUTLINE;
    ctx.shadowBlur = 2 * PIXEL_RATIO;
  }
  draw(ctx);
  return canvas;
}

function addIcon(map: MapLibreMap, id: string, draw: Pictogram, cssPx: number, style: DrawStyle): void {
  if (map.hasImage(id)) return;
  const canvas = drawCanvas(draw, cssPx, style);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  map.addImage(id, ctx.getImageData(0, 0, canvas.width, canvas.height), { pixelRatio: PIXEL_RATIO });
}

/** Adds every icon the layers use; call once the style has loaded and before the layers. */
export function addMapIcons(map: MapLibreMap): void {
  addIcon(map, cameraIconId(true), CAMERA_PICTOGRAMS.on, MARKER_ICON_PX, { color: '#ffffff' });
  addIcon(map, cameraIconId(false), CAMERA_PICTOGRAMS.off, MARKER_ICON_PX, { color: '#ffffff' });
  for (const type of EVENT_TYPES) addIcon(map, eventIconId(type), EVENT_PICTOGRAMS[type], MARKER_ICON_PX, { color: '#ffffff' });
  addIcon(map, BUS_ARROW_ICON_ID, headingArrow, MARKER_ICON_PX, { color: '#ffffff', outline: true });
  addIcon(map, busIconId(false), BUS_PICTOGRAMS.diesel, MARKER_ICON_PX, { color: '#ffffff' });
  addIcon(map, busIconId(true), BUS_PICTOGRAMS.electric, MARKER_ICON_PX, { color: '#ffffff' });
  const colours: [string, string][] = [...Object.entries(OBJECT_CLASS_COLORS), ['other', OBJECT_OTHER_COLOR]];
  for (const [key, color] of colours) {
    addIcon(map, objectIconId('arrow', key), headingArrow, OBJECT_ICON_PX, { color, outline: true });
    addIcon(map, objectIconId('dot', key), objectDot, OBJECT_ICON_PX, { color, outline: true });
  }
}

const dataUrls = new Map<string, string>();

/** A pictogram as an image URL for HTML (the legend), cached per look. */
export function pictogramDataUrl(key: string, draw: Pictogram, cssPx: number, style: DrawStyle): string {
  const cacheKey = `${key}|${cssPx}|${style.color}|${style.background ?? ''}|${style.outline ? 1 : 0}`;
  let url = dataUrls.get(cacheKey);
  if (!url) {
    url = drawCanvas(draw, cssPx, style).toDataURL('image/png');
    dataUrls.set(cacheKey, url);
  }
  return url;
}
