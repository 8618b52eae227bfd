// Camera-trap stills: each queued image is detected by the still path (views, fusion, second look), judged against the
// trap's memory of fixtures, then the elephant rule.
import { readFile } from 'node:fs/promises';
import { Worker } from 'bullmq';
import sharp from 'sharp';
import type pg from 'pg';
import { resolveInside } from '@toc/server/lib/atomic-file';
import { findTrapWithKey } from '@toc/server/repositories/traps.repository';
import {
  findRecentTrapSighting,
  findWarningForSighting,
  insertEventUpdate,
  updateDetectedEvent,
} from '@toc/server/repositories/events.repository';
import { insertSnapshot } from '@toc/server/repositories/snapshots.repository';
import { rememberTrapObjects, trapObjectHistory } from '@toc/server/repositories/trap-objects.repository';
import { QUEUES, type Event, type TrapImageJob, type TrapImageResult } from '@toc/server/schemas';
import type { EventStore } from '@toc/server/services/event-store.service';
import type { WorkerConfig } from '../config';
import type { DetectorPool } from '../detect/detector-pool';
import { evaluateTrapImage } from '../rules/rule-engine';
import { detectStill } from './still-detector';
import { DEFAULT_STILL_PATH_OPTIONS, type StillPathOptions } from './still-options';
import { DEFAULT_FIXTURE_MEMORY, setFixturesAside, type FixtureMemoryOptions } from './fixture-memory';
import { overlaySvg } from '../snapshot/render-snapshot';
import { saveSnapshot } from '../snapshot/snapshot-store';
import { eventFromSignal } from '../outputs/incident-writer';
import { warnAboutElephant } from '../outputs/elephant-warnings';
import type { NotifierContext } from '../outputs/notifier';

/** Stills from one trap this close together are one herd episode: one sighting, updated. */
const EPISODE_S = 30 * 60;

export interface TrapWorkerContext {
  config: WorkerConfig;
  db: pg.Pool;
  detectors: DetectorPool;
  events: EventStore;
  notifier: NotifierContext;
  /** Views, fusion and second look for stills; the defaults when absent. */
  stillPath?: StillPathOptions;
  /** When an elephant-like object is a fixture of the trap; the defaults when absent. */
  fixtureMemory?: FixtureMemoryOptions;
}

/** `size` is the image after EXIF rotation, as the still path measured it. */
async function annotate(
  image: Buffer,
  size: { width: number; height: number },
  boxes: { box: [number, number, number, number]; label: string }[],
): Promise<Buffer> {
  const svg = overlaySvg(size.width, size.height, boxes);
  return sharp(image)
    .rotate()
    .composite([{ input: Buffer.from(svg) }])
    .jpeg({ quality: 85 })
    .toBuffer();
}

export async function processTrapImage(ctx: TrapWorkerContext, job: TrapImageJob): Promise<TrapImageResult> {
  const found = await findTrapWithKey(ctx.db, job.trapId);
  if (!found) throw new Error(`camera trap ${job.trapId} no longer exists`);
  const trap = found.trap;
  const image = await readFile(resolveInside(ctx.config.snapshotDir, job.imagePath));
  const detector = await ctx.detectors.get(trap.modelId);
  // Not real time: the still is looked at whole, mirrored and in tiles, and large animals a second time; a grey one
  // (night infrared) by a second model too.
  const options = ctx.stillPath ?? DEFAULT_STILL_PATH_OPTIONS;
  const helperId = options.greySecondModel;
  const greyHelper = () =>
    helperId && helperId !== trap.modelId
      ? ctx.detectors.get(helperId).catch((err: unknown) => {
          // One model is still a verdict: a missing second model must not leave the still unjudged.
          ctx.notifier.log('warn', 'second model for grey stills not loaded; one model judges them', {
            model: helperId,
            error: (err as Error).message,
          });
          return undefined;
        })
      : Promise.resolve(undefined);
  const still = await detectStill(detector, image, options, greyHelper);
  const { detections } = still;
  const memory = ctx.fixtureMemory ?? DEFAULT_FIXTURE_MEMORY;
  const takenAt = new Date(job.receivedAt);
  const history = await trapObjectHistory(ctx.db, trap.id, {
    since: new Date(takenAt.getTime() - memory.memoryDays * 86_400_000),
    before: takenAt,
    image: job.imagePath,
  });
  // A statue or a painted wall in front of the trap is an elephant in every still: not a live sighting.
  const judged = setFixturesAside(detections, still, history, memory);
  const signal = evaluateTrapImage(judged.live, takenAt.getTime(), {
    trapMinScore: options.sightingMinScore,
  })[0];
  const rounded = (box: readonly number[]) => box.map((v) => Math.round(v));
  const result: TrapImageResult = {
    trapId: trap.id,
    detections: detections.map((d) => ({ label: d.label, score: d.score, box: rounded(d.box) })),
    fixtures: judged.fixtures.map((f) => ({
      label: f.detection.label,
      score: f.detection.score,
      box: rounded(f.detection.box),
      reason: f.reason,
      visits: f.visits,
      firstSeenAt: new Date(f.firstSeenAt).toISOString(),
    })),
    eventIds: [],
  };
  if (judged.fixtures.length > 0)
    ctx.notifier.log(
      'info',
      "camera trap: elephant-like objects at a fixture's place are not a live sighting",
      {
        trapId: trap.id,
        image: job.imagePath,
        fixtures: result.fixtures,
      },
    );
  const remember = (eventId: number | null) =>
    rememberTrapObjects(
      ctx.db,
      {
        trapId: trap.id,
        image: job.imagePath,
        takenAt,
        eventId,
        forgetBefore: new Date(takenAt.getTime() - memory.memoryDays * 86_400_000),
      },
      judged.remember,
    );
  if (!signal) {
    await remember(null);
    return result;
  }

  const since = new Date(takenAt.getTime() - EPISODE_S * 1000).toISOString();
  const base = eventFromSignal(signal, { cameraId: null, location: trap.location, modelId: trap.modelId });
  const payload = {
    ...base.payload,
    trapId: trap.id,
    trapName: trap.name,
    trapNameTh: trap.nameTh,
    image: job.imagePath,
  };
  const existing = await findRecentTrapSighting(ctx.db, trap.id, since);
  let sighting: Event;
  if (existing) {
    sighting = (await updateDetectedEvent(ctx.db, existing.id, {
      severity: base.severity,
      confidence: base.confidence,
      payload,
    }))!;
    await insertEventUpdate(ctx.db, {
      eventId: sighting.id,
      kind: 'updated',
      detail: { image: job.imagePath },
    });
    await ctx.events.announce(sighting);
  } else {
    sighting = await ctx.events.record({ ...base, payload });
    await insertEventUpdate(ctx.db, {
      eventId: sighting.id,
      kind: 'opened',
      detail: { image: job.imagePath },
    });
  }
  const jpeg = await annotate(
    image,
    still,
    // What raised the sighting; a fixture's box would read as an elephant to whoever looks.
    judged.live.map((d) => ({ box: d.box, label: `${d.label} ${Math.round(d.score * 100)}%` })),
  );
  // Filed under the Bangkok day the trap took the still, not the day the queue got to it (they differ at midnight).
  const saved = await saveSnapshot(ctx.config.snapshotDir, {
    eventId: sighting.id,
    name: `trap-${takenAt.getTime()}`,
    jpeg,
    at: takenAt,
  });
  await insertSnapshot(ctx.db, { eventId: sighting.id, kind: 'frame', ...saved });

  await remember(sighting.id);

  const warning = await warnAboutElephant(
    { db: ctx.db, events: ctx.events, notifier: ctx.notifier },
    sighting,
    existing ? await findWarningForSighting(ctx.db, sighting.id) : null,
  );
  result.eventIds = warning ? [sighting.id, warning.id] : [sighting.id];
  return result;
}

export function startTrapImageWorker(ctx: TrapWorkerContext): Worker<TrapImageJob, TrapImageResult> {
  return new Worker<TrapImageJob, TrapImageResult>(
    QUEUES.trapImages,
    (job) => processTrapImage(ctx, job.data),
    {
      connection: { url: ctx.config.redisUrl, maxRetriesPerRequest: null },
      prefix: ctx.config.queuePrefix,
      concurrency: 1,
    },
  );
}
