// Renders and stores the snapshots of a new event: the whole frame with boxes, and a close-up of the main object
// (from its best-scoring frame when the camera kept one).
import type { Queryable } from '@toc/server/db/pool';
import { insertSnapshot } from '@toc/server/repositories/snapshots.repository';
import { toContent, type FrameLayout } from '../pipeline/frame-layout';
import type { Track } from '../pipeline/types';
import { cropObject, renderSnapshot, type SnapshotBox } from '../snapshot/render-snapshot';
import type { BestView } from './best-views';
import { saveSnapshot, type SavedSnapshot } from '../snapshot/snapshot-store';

/** What a snapshot is drawn from, as data: a held write carries it (and spills it to disk) until it is written. */
export interface FrameForSnapshot {
  /** The picture; null for a write that draws none (an update of an alarm already raised). */
  frame: Uint8Array | null;
  layout: FrameLayout;
  tracks: readonly Track[];
  /** The clearest look so far at the involved tracks, taken when the write was made (the camera keeps them). */
  bestViews?: readonly TrackBestView[];
}

export interface TrackBestView {
  trackId: number;
  view: BestView;
}

const HIGHLIGHT = '#ff3b30';
const OTHER = '#34c759';

export async function storeEventSnapshots(
  ctx: { db: Queryable; snapshotDir: string },
  eventId: number,
  shot: FrameForSnapshot,
  involvedTrackIds: readonly number[],
): Promise<void> {
  const { layout, frame } = shot;
  if (!frame) throw new Error('no picture was kept for this snapshot');
  const input = {
    frame,
    width: layout.frameWidth,
    height: layout.frameHeight,
    channels: layout.colorOrder === 'BGR' ? ('bgr' as const) : ('rgb' as const),
    crop: { left: 0, top: 0, width: layout.contentWidth, height: layout.contentHeight },
  };
  const involved = new Set(involvedTrackIds);
  const visible = shot.tracks.filter((t) => t.state === 'confirmed' || involved.has(t.id));
  const boxes: SnapshotBox[] = visible.map((t) => ({
    box: toContent(t.box, layout),
    label: `${t.label} #${t.id}`,
    color: involved.has(t.id) ? HIGHLIGHT : OTHER,
  }));
  const scene = await renderSnapshot({ ...input, boxes });
  const saved: ({ kind: 'frame' | 'object' } & SavedSnapshot)[] = [{ kind: 'frame', ...(await saveSnapshot(ctx.snapshotDir, { eventId, name: 'scene', jpeg: scene })) }];
  const main = visible.find((t) => involved.has(t.id));
  if (main) {
    const best = shot.bestViews?.find((b) => b.trackId === main.id)?.view;
    const closeUp = best
      ? await cropObject({ frame: best.pixels, width: best.width, height: best.height, channels: input.channels, box: [0, 0, best.width, best.height], margin: 0 })
      : await cropObject({ ...input, box: toContent(main.box, layout) });
    saved.push({ kind: 'object', ...(await saveSnapshot(ctx.snapshotDir, { eventId, name: 'object', jpeg: closeUp })) });
  }
  for (const s of saved) await insertSnapshot(ctx.db, { eventId, kind: s.kind, path: s.path, sha256: s.sha256, bytes: s.bytes });
}
