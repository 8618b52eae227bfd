// A night shift replayed from real footage: a clip's detections looped through the camera pipeline and the
// incident writer for hours of camera time, counting the alarms an operator would have in front of them.
import type { Detection, ObjectDetector } from '@toc/models';
import type { Queryable } from '@toc/server/db/pool';
import type { Camera } from '@toc/server/schemas';
import { CameraPipeline, type SceneSetup } from '../src/pipeline/camera-pipeline';
import { runClip } from '../src/pipeline/clip-runner';
import type { FrameLayout } from '../src/pipeline/frame-layout';
import { IncidentWriter, type IncidentWriterContext } from '../src/outputs/incident-writer';

/** A clip as the camera's detector saw it once: each sampled frame and its detections (null where the gate skipped it). */
export interface RecordedClip {
  fps: number;
  layout: FrameLayout;
  frames: { frame: Uint8Array; detections: Detection[] | null }[];
}

/** Runs the clip once through the real detector (motion gate on, as a camera runs) and keeps what it saw. */
export async function recordClip(options: {
  file: string;
  detector: ObjectDetector;
  scene: SceneSetup;
  fps: number;
}): Promise<RecordedClip> {
  const frames: RecordedClip['frames'] = [];
  const summary = await runClip({
    ...options,
    gating: true,
    onFrame: ({ frame, detections }) => void frames.push({ frame: Uint8Array.from(frame), detections }),
  });
  return { fps: options.fps, layout: summary.pipeline.layout, frames };
}

export interface ShiftReplay {
  db: Queryable;
  writer: IncidentWriterContext;
  camera: Camera;
  scene: SceneSetup;
  clip: RecordedClip;
  /** Camera time of the first frame (ms). */
  startMs: number;
  hours: number;
  /** How often the open-alarm count is sampled (camera time). */
  sampleEveryMin: number;
}

export interface ShiftFigures {
  hours: number;
  /** Times a rule raised an alarm (new, or back after it had ended): what used to be one alarm each. */
  raises: number;
  /** Alarms the camera has at the end of the shift (all statuses). */
  alarms: number;
  /** Unacknowledged alarms, sampled through the shift. */
  openCounts: number[];
  maxOpen: number;
  byType: Record<string, { alarms: number; occurrences: number }>;
}

async function openAlarms(db: Queryable, cameraId: number): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM events WHERE camera_id = $1 AND status = 'open' AND type <> 'traffic.vehicles'",
    [cameraId],
  );
  return rows[0]!.n;
}

/** Loops the recorded clip for `hours` of camera time: no operator acts, so every alarm raised stays open. */
export async function replayShift(replay: ShiftReplay): Promise<ShiftFigures> {
  const { clip, camera } = replay;
  const pipeline = new CameraPipeline(clip.layout, replay.scene, { gating: false });
  const writer = new IncidentWriter(replay.writer, camera);
  const frameMs = 1000 / clip.fps;
  const total = Math.round(replay.hours * 3600 * clip.fps);
  const sampleEvery = Math.round(replay.sampleEveryMin * 60 * clip.fps);
  const openCounts: number[] = [];
  let raises = 0;
  let t = replay.startMs;
  for (let i = 0; i < total; i++) {
    const recorded = clip.frames[i % clip.frames.length]!;
    t = replay.startMs + i * frameMs;
    const step = pipeline.advance(recorded.detections, t);
    const actions = step.rules.incidentActions;
    raises += actions.filter((a) => a.action === 'open' || (a.action === 'update' && a.reopened)).length;
    for (const action of actions) {
      await writer.applyAction(action, { frame: recorded.frame, layout: clip.layout, tracks: step.tracks });
    }
    if ((i + 1) % sampleEvery === 0) openCounts.push(await openAlarms(replay.db, camera.id));
  }
  await writer.endAll(t);
  const { rows } = await replay.db.query<{ type: string; alarms: number; occurrences: number }>(
    `SELECT type, count(*)::int AS alarms, sum(occurrences)::int AS occurrences
       FROM events WHERE camera_id = $1 AND type <> 'traffic.vehicles' GROUP BY type ORDER BY type`,
    [camera.id],
  );
  return {
    hours: replay.hours,
    raises,
    alarms: rows.reduce((sum, r) => sum + r.alarms, 0),
    openCounts,
    maxOpen: Math.max(0, ...openCounts),
    byType: Object.fromEntries(rows.map((r) => [r.type, { alarms: r.alarms, occurrences: r.occurrences }])),
  };
}
