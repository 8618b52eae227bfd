// Seek time: from asking the server for a playlist at an instant to the first frame decoded, with ffmpeg as the
// player (its process start included) over the real HTTP routes and the footage the benchmark just recorded.
import { spawn } from 'node:child_process';
import type { Pool } from '@toc/server/db/pool';
import type { RecordingConfig } from '@toc/server/recording-config';
import { percentile } from './bench-media';
import { startBenchServer } from './record-server';

export interface SeekContext {
  db: Pool;
  recording: RecordingConfig;
  cameraId: number;
}

function firstFrame(url: string, token: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ffmpeg = spawn(
      'ffmpeg',
      [
        '-nostdin',
        '-v',
        'error',
        '-extension_picky',
        '0',
        '-headers',
        `Authorization: Bearer ${token}\r\n`,
        '-i',
        url,
        '-frames:v',
        '1',
        '-f',
        'null',
        '-',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    ffmpeg.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    ffmpeg.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`ffmpeg ${code}: ${stderr.slice(-300)}`)),
    );
  });
}

export async function measureSeek(
  ctx: SeekContext,
  seeks = 9,
): Promise<{ medianMs: number; samples: number }> {
  const server = await startBenchServer(ctx.db, ctx.recording);
  try {
    const { rows } = await ctx.db.query<{ first: Date; last: Date }>(
      'SELECT min(started_at) AS first, max(ended_at) AS last FROM recording_segments WHERE camera_id = $1',
      [ctx.cameraId],
    );
    const { first, last } = rows[0]!;
    const times: number[] = [];
    for (let i = 0; i < seeks; i++) {
      // Spread over the recorded stretch, never in its last ten seconds.
      const at = new Date(
        first.getTime() + ((last.getTime() - first.getTime() - 10_000) * (i + 0.5)) / seeks,
      );
      const to = new Date(at.getTime() + 60_000);
      const url = `${server.base}/api/recordings/${ctx.cameraId}/playlist.m3u8?from=${at.toISOString()}&to=${to.toISOString()}`;
      const started = performance.now();
      await firstFrame(url, server.token);
      times.push(performance.now() - started);
    }
    return { medianMs: percentile(times, 50), samples: times.length };
  } finally {
    await server.app.close();
  }
}
