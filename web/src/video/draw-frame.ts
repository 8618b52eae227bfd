// Draws a live frame and its detection boxes onto a canvas, letterboxed to keep the picture's shape.
import type { FrameBox } from '@toc/server/schemas';

export interface Letterbox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a picture of the given size sits inside the canvas when scaled to fit without cropping. */
export function letterbox(picture: { width: number; height: number }, canvas: { width: number; height: number }): Letterbox {
  const scale = Math.min(canvas.width / picture.width, canvas.height / picture.height);
  const width = picture.width * scale;
  const height = picture.height * scale;
  return { x: (canvas.width - width) / 2, y: (canvas.height - height) / 2, width, height };
}

const BOX_COLORS: Record<string, string> = {
  person: '#ffd166',
  elephant: '#ff5c8a',
};
const VEHICLE_COLOR = '#4cc9f0';

export function drawFrame(context: CanvasRenderingContext2D, image: CanvasImageSource & { width: number; height: number }, boxes: readonly FrameBox[], showBoxes: boolean): void {
  const canvas = context.canvas;
  context.fillStyle = '#000';
  context.fillRect(0, 0, canvas.width, canvas.height);
  const area = letterbox(image, canvas);
  context.drawImage(image, area.x, area.y, area.width, area.height);
  if (!showBoxes) return;
  const lineWidth = Math.max(1.5, canvas.width / 400);
  context.lineWidth = lineWidth;
  context.font = `${Math.max(11, Math.round(canvas.width / 45))}px sans-serif`;
  context.textBaseline = 'bottom';
  for (const box of boxes) {
    const color = BOX_COLORS[box.label] ?? VEHICLE_COLOR;
    const x = area.x + box.x * area.width;
    const y = area.y + box.y * area.height;
    context.strokeStyle = color;
    context.strokeRect(x, y, box.w * area.width, box.h * area.height);
    const text = box.trackId === null ? box.label : `${box.label} #${box.trackId}`;
    const textWidth = context.measureText(text).width + 6;
    context.fillStyle = color;
    context.fillRect(x - lineWidth / 2, y - parseInt(context.font, 10) - 4, textWidth, parseInt(context.font, 10) + 4);
    context.fillStyle = '#000';
    context.fillText(text, x + 3, y - 2);
  }
}
