// `npm run eval:shift`: the demo's crowd and street cameras through a 12-hour night shift replayed from the real
// clips; prints how often the rules raised an alarm and how many alarms an operator was left with.
import { channelNames } from '@toc/server/realtime/channel-names';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { Detector, sharedDir } from '@toc/models';
import { applyMigrations } from '@toc/server/db/migrate';
import { createPool } from '@toc/server/db/pool';
import { PEDESTRIAN_SCENE, STREET_SCENE, streetCalibrationPairs } from '@toc/server/db/demo-scenes';
import { calibrate } from '@toc/server/geometry/calibration';
import { replaceZonesAndLines } from '@toc/server/repositories/scene.repository';
import { createEventStore } from '@toc/server/services/event-store.service';
import { createTestSchema, requireEnv } from '@toc/server/testing';
import { loadScene } from '../src/camera/camera-runner';
import { insertStreamCamera } from '../test/stream-cameras';
import { recordClip, replayShift } from './alarm-shift';

const HOURS = Number(process.env.SHIFT_HOURS ?? 12);
const CLIPS = [
  { name: 'plaza crowd camera', file: 'opencv_vtest.avi', scene: PEDESTRIAN_SCENE, calibrated: false },
  { name: 'street camera', file: 'odc_street_traffic_640x360_30fps.mp4', scene: STREET_SCENE, calibrated: true },
];

/** The demo road cameras' approximate calibration (as seeded), so speeds and ground rules run as in the demo. */
function demoCalibration(location: { lon: number; lat: number }) {
  const fit = calibrate(streetCalibrationPairs(location, 80));
  if (!fit.ok) throw new Error(fit.reason);
  return { homography: fit.homography, origin: fit.origin };
}

async function main(): Promise<void> {
  const schema = await createTestSchema();
  const db = createPool(schema.databaseUrl, 4);
  const redis = new Redis(requireEnv('REDIS_URL'));
  const detector = await Detector.load('yolox_nano_416', { threads: 2 });
  const snapshotDir = await mkdtemp(path.join(tmpdir(), 'toc-shift-'));
  const log = () => undefined;
  try {
    await applyMigrations(db);
    const writer = { db, events: createEventStore(db, { redis, channels: channelNames(schema.schema) }), snapshotDir, notifier: { db, config: { webhookUrls: [], lineTargets: [], publicUrl: 'http://toc.eval' }, log }, log };
    console.log(`A ${HOURS}-hour night shift (19:00 Bangkok onwards), no operator acting / กะกลางคืน ${HOURS} ชั่วโมง`);
    for (const spec of CLIPS) {
      const location = { lon: 101.0757, lat: 13.6786 };
      const camera = await insertStreamCamera(db, { name: spec.name, nameTh: spec.name, location, headingDeg: 0, fovDeg: 60, rtspUrl: 'rtsp://127.0.0.1:1/eval', detectFps: 5 });
      await replaceZonesAndLines(db, camera.id, spec.scene);
      const scene = { ...(await loadScene(db, camera.id)), calibration: spec.calibrated ? demoCalibration(location) : null };
      const clip = await recordClip({ file: path.join(sharedDir(), 'media', spec.file), detector, scene, fps: 5 });
      const started = Date.now();
      const f = await replayShift({ db, writer, camera, scene, clip, startMs: Date.parse('2026-12-08T19:00:00+07:00'), hours: HOURS, sampleEveryMin: 30 });
      const types = Object.entries(f.byType).map(([type, t]) => `${type} ${t.alarms} (raised ${t.occurrences}×)`).join(', ') || 'none';
      console.log(`  ${spec.name}: rules raised ${f.raises} times → ${f.alarms} alarms; open alarms at most ${f.maxOpen} (sampled every 30 min: ${f.openCounts.join(' ')}); ${types}; replayed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    await detector.close();
    await db.end();
    await redis.quit();
    await schema.drop();
    await rm(snapshotDir, { recursive: true, force: true });
  }
}

void main();
