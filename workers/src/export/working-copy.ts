// The optional viewing copy of an exported clip: the master re-encoded at modest quality with the camera's name
// (Thai, shaped) and the running Bangkok time burned in. The master is only read, never modified.
import { copyFile, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ClipPart } from './clip-plan';
import { FfmpegError, abortReason, ffmpegTool, ffprobeJson, runFfmpeg } from './ffmpeg-process';
import { labelPng } from './label-image';
import { clockRuns, workingCopyFilter } from './working-copy-filter';
import { sarabunTtf } from './sarabun-font';

export interface WorkingCopyInput {
  masterPath: string;
  outPath: string;
  /** Temporary files go in a fresh folder inside, removed at the end. */
  workDir: string;
  /** As shown on the picture, e.g. `กล้อง 3 สะพานบางปะกง · Bang Pakong Bridge`. */
  cameraName: string;
  /** The master's timeline (`ClipCutResult.parts`): the burned-in clock follows it and jumps at gaps. */
  parts: readonly ClipPart[];
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

export interface WorkingCopyResult {
  outPath: string;
  durationS: number;
  bytes: number;
  tool: string;
  arguments: string[];
}

/** Viewing copies need not be larger than this; smaller footage keeps its size. */
const MAX_HEIGHT = 720;

interface Probed {
  streams?: { codec_type?: string; width?: number; height?: number; duration?: string }[];
}

async function probeVideo(file: string, signal?: AbortSignal) {
  const { streams } = await ffprobeJson<Probed>(
    ['-select_streams', 'v:0', '-show_entries', 'stream=codec_type,width,height,duration', `file:${file}`],
    signal,
  );
  const video = streams?.[0];
  if (!video?.width || !video.height) throw new Error(`no video stream in ${path.basename(file)}`);
  return { width: video.width, height: video.height, durationS: Number(video.duration) || 0 };
}

/** Makes the viewing copy; on failure or abort no output file is left. */
export async function makeWorkingCopy(input: WorkingCopyInput): Promise<WorkingCopyResult> {
  const { signal } = input;
  const masterPath = path.resolve(input.masterPath);
  const outPath = path.resolve(input.outPath);
  if (outPath === masterPath) throw new Error('the working copy must not overwrite the master');
  if (signal?.aborted) throw abortReason(signal);
  await mkdir(input.workDir, { recursive: true });
  const dir = await mkdtemp(path.join(input.workDir, 'working-'));
  let finished = false;
  try {
    const master = await probeVideo(masterPath, signal);
    const outHeight = Math.min(MAX_HEIGHT, master.height - (master.height % 2));
    const outWidth = Math.round((master.width * outHeight) / master.height);
    const fontPx = Math.max(14, Math.round(outHeight * 0.045));
    const marginPx = Math.round(fontPx * 0.6);

    await writeFile(
      path.join(dir, 'label.png'),
      await labelPng(input.cameraName, { fontPx, maxWidthPx: outWidth - 2 * marginPx }),
    );
    await copyFile(await sarabunTtf('latin', 700), path.join(dir, 'clock.ttf'));
    const runs = clockRuns(input.parts);
    for (const [i, run] of runs.entries())
      await writeFile(path.join(dir, `clock-${i}.txt`), `%{pts:gmtime:${run.wallAtZeroS.toFixed(3)}} +07:00`);
    const filter = workingCopyFilter({ outHeight, marginPx, fontPx }, runs);

    // Modest quality (CRF 26, veryfast): a copy to watch, not evidence. The clock subtitles and chapters carry over.
    const args = [
      ['-hide_banner', '-nostdin', '-nostats', '-loglevel', 'error', '-y'],
      ['-i', `file:${masterPath}`, '-i', 'label.png'],
      ['-filter_complex', filter, '-map', '[v]', '-map', '0:s?', '-map_chapters', '0'],
      ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '26', '-pix_fmt', 'yuv420p', '-c:s', 'copy'],
      ['-movflags', '+faststart', '-f', 'mp4', '-progress', 'pipe:1', `file:${outPath}`],
    ].flat();
    await mkdir(path.dirname(outPath), { recursive: true });
    try {
      await runFfmpeg({ args, cwd: dir, signal, expectedS: master.durationS, onProgress: input.onProgress });
    } catch (error) {
      if (!(error instanceof FfmpegError)) throw error;
      throw new Error(`Making the working copy failed: ${error.message}`, { cause: error });
    }
    const made = await probeVideo(outPath, signal);
    const { size } = await stat(outPath);
    const tool = await ffmpegTool();
    if (signal?.aborted) throw abortReason(signal);
    finished = true;
    return { outPath, durationS: made.durationS, bytes: size, tool, arguments: args };
  } finally {
    await rm(dir, { recursive: true, force: true });
    if (!finished) await rm(outPath, { force: true });
  }
}
