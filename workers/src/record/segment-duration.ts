// The readable length of a segment a crash cut short, with ffprobe (only at a restart: closed segments are listed).
import ffmpeg from 'fluent-ffmpeg';

export function probeDurationS(file: string): Promise<number | null> {
  return new Promise((resolve) => {
    ffmpeg.ffprobe(file, (error, data) => {
      const duration = Number(data?.format?.duration);
      resolve(error || !Number.isFinite(duration) || duration <= 0 ? null : duration);
    });
  });
}
