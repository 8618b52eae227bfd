// CPU of reading cameras with and without recording: the same frame readers from the RTSP simulator, one arm with
// the segment output and the recorder indexing into PostGIS, one without; ffmpeg processes and this process counted.
import { readFile, readdir } from 'node:fs/promises';
import type { Pool } from '@toc/server/db/pool';
import type { RecordingConfig } from '@toc/server/recording-config';
import { startFrameReader, type FrameReader } from '../src/ingest/frame-reader';
import { CameraRecorder } from '../src/record/camera-recorder';
import { sleep } from './bench-media';

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_S = 100;
const FRAME = { width: 416, height: 416 };

export interface RecordArmContext {
  db: Pool;
  recording: RecordingConfig;
  streamUrl: string;
  /** Camera ids to record as (rows must exist for the recorder's index). */
  cameraIds: number[];
  warmupS: number;
  measureS: number;
}

/** CPU seconds used so far by this process's ffmpeg children. */
async function childrenCpuS(): Promise<number> {
  let ticks = 0;
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    // Fields after the command name (which may hold spaces): state is the first, ppid the second, utime/stime 12th/13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[1]) !== process.pid) continue;
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / TICKS_PER_S;
}

const ownCpuS = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

/** One arm: CPU per camera in percent of one core, over the measuring window after a warm-up. */
export async function measureArm(ctx: RecordArmContext, record: boolean): Promise<number> {
  const readers: FrameReader[] = [];
  const recorders: CameraRecorder[] = [];
  for (const cameraId of ctx.cameraIds) {
    const recorder = new CameraRecorder({
      db: ctx.db,
      recording: ctx.recording,
      cameraId,
      workerId: 'bench',
      log: () => undefined,
    });
    const output = record ? await recorder.beginRun() : null;
    let first = true;
    readers.push(
      startFrameReader({
        source: { rtspUrl: ctx.streamUrl },
        fps: 5,
        filter: `scale=${FRAME.width}:${FRAME.height}`,
        pixelFormat: 'bgr24',
        frameBytes: FRAME.width * FRAME.height * 3,
        stallTimeoutS: 20,
        ...(output ? { record: output } : {}),
        onFrame: (_frame, at) => {
          if (first) recorder.firstFrame(at.getTime());
          first = false;
        },
      }),
    );
    recorders.push(recorder);
  }
  await sleep(ctx.warmupS * 1000);
  const [children0, own0, t0] = [await childrenCpuS(), ownCpuS(), Date.now()];
  await sleep(ctx.measureS * 1000);
  const [children1, own1, t1] = [await childrenCpuS(), ownCpuS(), Date.now()];
  for (const reader of readers) reader.stop();
  await Promise.all(readers.map((r) => r.done));
  await Promise.all(
    recorders.map((r) => r.endRun({ reason: 'worker_stopped', detail: 'benchmark arm over' })),
  );
  const cpuS = children1 - children0 + (own1 - own0);
  return (cpuS / ((t1 - t0) / 1000) / ctx.cameraIds.length) * 100;
}
