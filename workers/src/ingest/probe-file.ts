// Reads a local video file's size and frame rate with ffprobe (evaluation, benchmarks, tests).
import ffmpeg from 'fluent-ffmpeg';
import { parseRate, type StreamInfo } from './probe';

export function probeFile(file: string): Promise<StreamInfo> {
  return new Promise((resolve, reject) => {
    ffmpeg.ffprobe(file, (error, data) => {
      if (error) return reject(new Error(`cannot read ${file}: ${String(error.message).split('\n')[0]}`));
      const video = data.streams.find((s) => s.codec_type === 'video');
      if (!video?.width || !video.height) return reject(new Error(`${file} has no video track`));
      resolve({ width: video.width, height: video.height, fps: parseRate(video.avg_frame_rate), codec: video.codec_name ?? null });
    });
  });
}
