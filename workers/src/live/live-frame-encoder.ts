// A live frame → a small JPEG (the picture the detector saw) and the metadata that travels with it.
import sharp from 'sharp';
import type { LiveFrameMeta } from '@toc/server/schemas';
import type { FrameRecord } from '@toc/server/realtime/frame-record';
import { renderSnapshot } from '../snapshot/render-snapshot';
import type { LiveFrame } from './live-feeds';
import { liveBoxes } from './live-view';

/** Live tiles trade detail for bandwidth; snapshots (evidence) keep the higher default quality. */
const LIVE_QUALITY = 70;

export async function encodeLiveFrame(cameraId: number, live: LiveFrame, maxWidth: number): Promise<FrameRecord> {
  const { layout } = live;
  let jpeg = await renderSnapshot({
    frame: live.frame,
    width: layout.frameWidth,
    height: layout.frameHeight,
    channels: layout.colorOrder === 'BGR' ? 'bgr' : 'rgb',
    crop: { left: 0, top: 0, width: layout.contentWidth, height: layout.contentHeight },
    boxes: [],
    quality: LIVE_QUALITY,
  });
  let width = layout.contentWidth;
  let height = layout.contentHeight;
  if (width > maxWidth) {
    height = Math.round((height * maxWidth) / width);
    width = maxWidth;
    jpeg = await sharp(jpeg).resize(width, height).jpeg({ quality: LIVE_QUALITY }).toBuffer();
  }
  const meta: LiveFrameMeta = { cameraId, at: live.at.toISOString(), width, height, boxes: liveBoxes(live.tracks, layout) };
  return { meta, jpeg };
}
