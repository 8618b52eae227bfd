// One still picture from a camera's stream, at full resolution, for the setup editors to draw on.
import { execFile } from 'node:child_process';
import { HttpError } from '../lib/http-error';
import { redactCredentials } from '../lib/redact-credentials';
import type { StreamCamera } from './camera-streams.service';

const GRAB_TIMEOUT_MS = 15_000;
const MAX_JPEG_BYTES = 16 * 1024 * 1024;
/** Each grab is an ffmpeg process decoding a stream: a few at once at most. */
const MAX_CONCURRENT_GRABS = 2;

let running = 0;

/** ffmpeg arguments as a list (never a shell string): the URL is one argument whatever it contains. */
export function grabArguments(rtspUrl: string): string[] {
  return [
    '-hide_banner',
    '-loglevel', 'error',
    '-rtsp_transport', 'tcp',
    '-timeout', String(GRAB_TIMEOUT_MS * 1000),
    '-i', rtspUrl,
    '-frames:v', '1',
    '-q:v', '3',
    '-f', 'image2pipe',
    '-vcodec', 'mjpeg',
    'pipe:1',
  ];
}

export async function grabStill(camera: Pick<StreamCamera, 'streamUrl' | 'streamSecrets' | 'credentialsError'>): Promise<Buffer> {
  if (camera.credentialsError) {
    throw new HttpError(503, `The camera cannot be opened: ${camera.credentialsError}`, 'เปิดกล้องไม่ได้: ถอดรหัสชื่อผู้ใช้และรหัสผ่านของกล้องไม่ได้ (กุญแจ CAMERA_SECRET_KEY เปลี่ยนไปหรือไม่)');
  }
  if (running >= MAX_CONCURRENT_GRABS) {
    throw new HttpError(503, 'Too many pictures are being taken right now; try again in a moment', 'กำลังดึงภาพจากกล้องหลายตัวพร้อมกัน กรุณาลองใหม่อีกครั้ง');
  }
  running++;
  try {
    return await new Promise<Buffer>((resolve, reject) => {
      execFile(
        'ffmpeg',
        grabArguments(camera.streamUrl),
        { encoding: 'buffer', timeout: GRAB_TIMEOUT_MS, maxBuffer: MAX_JPEG_BYTES, killSignal: 'SIGKILL' },
        (error, stdout, stderr) => {
          if (!error && stdout.length > 0) return resolve(stdout);
          // ffmpeg names the URL in its errors: the camera's password must not reach the browser.
          const detail = redactCredentials(
            stderr.toString('utf8').trim().split('\n').pop() || error?.message || 'no picture',
            camera.streamSecrets,
          );
          reject(new HttpError(503, `The camera gave no picture: ${detail}`, `กล้องไม่ส่งภาพ: ${detail}`));
        },
      );
    });
  } finally {
    running--;
  }
}
