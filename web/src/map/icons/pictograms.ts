// Small vector pictograms drawn on a canvas: the offline style has no sprite sheet, so icons are made at start.
// Each draws in a unit square scaled by the caller, in the current fill and stroke colour.
import type { EventType } from '@toc/server/schemas';

export type Pictogram = (ctx: CanvasRenderingContext2D) => void;

function roundRect(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  r: number,
): void {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
  ctx.fill();
}

function polygon(ctx: CanvasRenderingContext2D, points: readonly (readonly [number, number])[]): void {
  ctx.beginPath();
  points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
  ctx.closePath();
  ctx.fill();
}

function disc(ctx: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fill();
}

const videoCamera: Pictogram = (ctx) => {
  roundRect(ctx, 0.14, 0.32, 0.5, 0.36, 0.07);
  polygon(ctx, [
    [0.66, 0.45],
    [0.86, 0.33],
    [0.86, 0.67],
    [0.66, 0.55],
  ]);
};

/** A camera that is not delivering: the same camera, struck through, so status is not told by colour alone. */
const videoCameraOff: Pictogram = (ctx) => {
  videoCamera(ctx);
  ctx.lineWidth = 0.09;
  ctx.lineCap = 'round';
  ctx.beginPath();
  ctx.moveTo(0.16, 0.16);
  ctx.lineTo(0.84, 0.84);
  ctx.stroke();
};

const car: Pictogram = (ctx) => {
  polygon(ctx, [
    [0.3, 0.44],
    [0.38, 0.3],
    [0.62, 0.3],
    [0.7, 0.44],
  ]);
  roundRect(ctx, 0.16, 0.42, 0.68, 0.22, 0.06);
  disc(ctx, 0.32, 0.67, 0.08);
  disc(ctx, 0.68, 0.67, 0.08);
};

/** A collision: a burst. */
const crash: Pictogram = (ctx) => {
  const points: [number, number][] = [];
  for (let i = 0; i < 16; i++) {
    const angle = (i / 16) * Math.PI * 2;
    const r = i % 2 === 0 ? 0.38 : 0.18;
    points.push([0.5 + r * Math.sin(angle), 0.5 - r * Math.cos(angle)]);
  }
  polygon(ctx, points);
};

const warningTriangle: Pictogram = (ctx) => {
  polygon(ctx, [
    [0.5, 0.14],
    [0.88, 0.82],
    [0.12, 0.82],
  ]);
  // The mark is cut out so the marker colour shows through.
  ctx.save();
  ctx.globalCompositeOperation = 'destination-out';
  roundRect(ctx, 0.46, 0.38, 0.08, 0.24, 0.03);
  disc(ctx, 0.5, 0.7, 0.05);
  ctx.restore();
};

/** A queue of vehicles. */
const congestion: Pictogram = (ctx) => {
  for (const y of [0.2, 0.42, 0.64]) roundRect(ctx, 0.22, y, 0.56, 0.15, 0.05);
};

const elephant: Pictogram = (ctx) => {
  ctx.beginPath();
  ctx.ellipse(0.46, 0.5, 0.26, 0.18, 0, 0, Math.PI * 2);
  ctx.fill();
  disc(ctx, 0.72, 0.42, 0.13);
  // Trunk.
  ctx.lineWidth = 0.08;
  ctx.lineCap = 'round';
  ctx.beginPath();
  ctx.moveTo(0.8, 0.48);
  ctx.quadraticCurveTo(0.86, 0.66, 0.8, 0.8);
  ctx.stroke();
  for (const x of [0.28, 0.4, 0.52, 0.62]) roundRect(ctx, x - 0.04, 0.58, 0.08, 0.24, 0.02);
};

/** An elephant with warning waves: a herd close to homes. */
const elephantWarning: Pictogram = (ctx) => {
  ctx.save();
  ctx.translate(0.06, 0.08);
  ctx.scale(0.8, 0.8);
  elephant(ctx);
  ctx.restore();
  ctx.lineWidth = 0.06;
  ctx.lineCap = 'round';
  for (const r of [0.12, 0.22]) {
    ctx.beginPath();
    ctx.arc(0.14, 0.2, r, Math.PI * 0.95, Math.PI * 1.55);
    ctx.stroke();
  }
};

const people: Pictogram = (ctx) => {
  for (const [x, s] of [
    [0.3, 0.8],
    [0.7, 0.8],
    [0.5, 1],
  ] as const) {
    disc(ctx, x, 0.3 + (1 - s) * 0.1, 0.09 * s);
    roundRect(ctx, x - 0.12 * s, 0.44 + (1 - s) * 0.08, 0.24 * s, 0.36 * s, 0.08 * s);
  }
};

/** A crowd over its limit: people under a bar. */
const crowdAlert: Pictogram = (ctx) => {
  ctx.save();
  ctx.translate(0, 0.1);
  ctx.scale(1, 0.9);
  people(ctx);
  ctx.restore();
  roundRect(ctx, 0.16, 0.1, 0.68, 0.08, 0.03);
};

/** A bus seen from the front: windscreen and headlights cut out, two wheels. */
const busFront: Pictogram = (ctx) => {
  roundRect(ctx, 0.22, 0.12, 0.56, 0.64, 0.1);
  roundRect(ctx, 0.27, 0.72, 0.13, 0.16, 0.03);
  roundRect(ctx, 0.6, 0.72, 0.13, 0.16, 0.03);
  ctx.save();
  ctx.globalCompositeOperation = 'destination-out';
  roundRect(ctx, 0.29, 0.22, 0.42, 0.26, 0.04);
  disc(ctx, 0.35, 0.62, 0.05);
  disc(ctx, 0.65, 0.62, 0.05);
  ctx.restore();
};

/** A lightning bolt: an electric bus on the map. */
const lightningBolt: Pictogram = (ctx) => {
  polygon(ctx, [
    [0.58, 0.1],
    [0.26, 0.56],
    [0.47, 0.56],
    [0.4, 0.9],
    [0.74, 0.42],
    [0.53, 0.42],
  ]);
};

/** A disk drive: the recordings volume (missing, running low). */
const hardDisk: Pictogram = (ctx) => {
  roundRect(ctx, 0.16, 0.3, 0.68, 0.4, 0.08);
  ctx.save();
  ctx.globalCompositeOperation = 'destination-out';
  disc(ctx, 0.7, 0.5, 0.06);
  roundRect(ctx, 0.24, 0.46, 0.3, 0.08, 0.03);
  ctx.restore();
};

export const BUS_PICTOGRAMS = { diesel: busFront, electric: lightningBolt } as const;

export const CAMERA_PICTOGRAMS = { on: videoCamera, off: videoCameraOff } as const;

export const EVENT_PICTOGRAMS: Record<EventType, Pictogram> = {
  'traffic.vehicles': car,
  'traffic.accident': crash,
  'traffic.incident': warningTriangle,
  'traffic.congestion': congestion,
  'elephant.sighting': elephant,
  'elephant.warning': elephantWarning,
  'crowd.count': people,
  'crowd.alert': crowdAlert,
  'bus.off_route': busFront,
  'bus.overspeed': busFront,
  'bus.bunching': busFront,
  'bus.gap': busFront,
  'bus.stale': busFront,
  'recording.gap': videoCameraOff,
  'recording.storage': hardDisk,
  'recording.paused': videoCameraOff,
  'recording.volume': hardDisk,
  'camera.behind': warningTriangle,
  'camera.waiting': warningTriangle,
};

/** An arrow pointing up (north before rotation): a tracked object and where it is heading. */
export const headingArrow: Pictogram = (ctx) => {
  polygon(ctx, [
    [0.5, 0.08],
    [0.84, 0.86],
    [0.5, 0.68],
    [0.16, 0.86],
  ]);
};

/** A tracked object whose heading is not known yet (standing still or just appeared). */
export const objectDot: Pictogram = (ctx) => disc(ctx, 0.5, 0.5, 0.3);
