// One recording run's files in the camera's incoming folder: its segments, the muxer's list and the run's clock state.
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** What a restart needs to place the rest of a run's segments exactly as the live run would have. */
export interface RunState {
  runId: string;
  workerId: string;
  anchorMs: number;
  previousEndMs: number | null;
}

export const listFileOf = (dir: string, runId: string) => path.join(dir, `${runId}.csv`);
const stateFileOf = (dir: string, runId: string) => path.join(dir, `${runId}.json`);

/** Segment files of a run, in the order the muxer wrote them. */
export async function runSegmentFiles(dir: string, runId: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((name) => name.startsWith(`${runId}-`) && name.endsWith('.mp4')).sort();
}

/** Run ids with anything left in the folder (a list, a state file or a segment). */
export async function leftoverRuns(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const ids = new Set<string>();
  for (const name of names) {
    const match = /^(r[0-9a-z]+)(?:-\d{6}\.mp4|\.csv|\.json)$/.exec(name);
    if (match) ids.add(match[1]!);
  }
  return [...ids].sort();
}

export async function readRunState(dir: string, runId: string): Promise<RunState | null> {
  try {
    return JSON.parse(await readFile(stateFileOf(dir, runId), 'utf8')) as RunState;
  } catch {
    return null;
  }
}

/** Written to a temporary name and renamed: a crash leaves the old state or the new one, never half of one. */
export async function writeRunState(dir: string, state: RunState): Promise<void> {
  const file = stateFileOf(dir, state.runId);
  try {
    await writeFile(`${file}.tmp`, JSON.stringify(state));
    await rename(`${file}.tmp`, file);
  } catch (error) {
    // A write that failed (volume full) leaves an empty temporary file no leftover scan would ever remove.
    await rm(`${file}.tmp`, { force: true });
    throw error;
  }
}

export async function readSegmentListText(dir: string, runId: string): Promise<string> {
  return readFile(listFileOf(dir, runId), 'utf8').catch(() => '');
}

/** The run is fully indexed: its list and state go. */
export async function removeRunFiles(dir: string, runId: string): Promise<void> {
  await Promise.all([
    rm(listFileOf(dir, runId), { force: true }),
    rm(stateFileOf(dir, runId), { force: true }),
  ]);
}
