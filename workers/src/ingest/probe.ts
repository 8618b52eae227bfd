// Reads a stream's video size with ffprobe over RTSP/TCP, with a timeout.
import ffmpeg from 'fluent-ffmpeg';
import { assertSafeRtspUrl } from './rtsp-url';

export interface StreamInfo {
  width: number;
  height: number;
  fps: number | null;
  codec: string | null;
}

/** ffprobe's "30000/1001" → 29.97; null when unknown. */
export const parseRate = (rate: string | undefined): number | null => {
  const [num, den] = (rate ?? '').split('/').map(Number);
  return num && den ? num / den : null;
};

/** A stream that answers but that we cannot decode: a configuration problem (camera `error`), not a network blip. */
export class UnsupportedStreamError extends Error {}

export function probeStream(url: string, timeoutS: number): Promise<StreamInfo> {
  assertSafeRtspUrl(url);
  return new Promise((resolve, reject) => {
    // -timeout is the RTSP socket timeout in microseconds: an unreachable host fails fast.
    ffmpeg.ffprobe(url, ['-rtsp_transport', 'tcp', '-timeout', String(timeoutS * 1_000_000)], (error, data) => {
      if (error) return reject(new Error(`cannot open stream: ${lastLine(String(error.message))}`));
      const video = data.streams.find((s) => s.codec_type === 'video');
      if (!video) return reject(new UnsupportedStreamError('stream has no video track'));
      if (!video.codec_name || video.codec_name === 'unknown' || !video.width || !video.height) {
        return reject(new UnsupportedStreamError(`unsupported video codec (${video.codec_name ?? 'unknown'}): ffmpeg cannot decode this stream`));
      }
      resolve({
        width: video.width,
        height: video.height,
        fps: parseRate(video.avg_frame_rate) ?? parseRate(video.r_frame_rate),
        codec: video.codec_name ?? null,
      });
    });
  });
}

/** ffmpeg's last stderr line carries the actual reason (e.g. "Connection refused"). */
export function lastLine(text: string): string {
  const lines = text.trim().split('\n').map((l) => l.trim()).filter(Boolean);
  return (lines[lines.length - 1] ?? text).slice(0, 300);
}
