// Small: a camera's held writes spilled to real files in a temp folder — read back in order with their frames and
// best views, done ones left out, a torn last line skipped, a file with a bad line set aside, bounded by compaction —
// and the journal over it: on disk before write() returns, gone once written, replayed by the camera's next owner.
import { appendFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HeldWrite } from './held-write';
import { encodeEntry, parseSpill } from './spill-lines';
import { WriteJournal } from './write-journal';
import { spillDirOf, WriteSpill } from './write-spill';

let root: string;
let logged: string[];
const CAMERA = 7;

const spill = (compactAfter = 100) =>
  new WriteSpill({
    root,
    cameraId: CAMERA,
    compactAfter,
    log: (level, message) => logged.push(`${level} ${message}`),
  });
const spillFile = () => path.join(spillDirOf(root, CAMERA), 'held.jsonl');

const layout = {
  frameWidth: 4,
  frameHeight: 2,
  contentWidth: 4,
  contentHeight: 2,
  colorOrder: 'BGR' as const,
  sourceWidth: 8,
  sourceHeight: 4,
};
const track = {
  id: 3,
  classId: 2,
  label: 'car',
  score: 0.9,
  peakScore: 0.9,
  state: 'confirmed' as const,
  box: [1, 1, 3, 2] as [number, number, number, number],
  velocity: [0, 0] as [number, number],
  hits: 5,
  missed: 0,
  firstSeen: 1000,
  lastSeen: 2000,
  history: [
    {
      t: 2000,
      box: [1, 1, 3, 2] as [number, number, number, number],
      ground: { lon: 101, lat: 13 },
      speedKmh: 0,
    },
  ],
};

function incidentOpen(): HeldWrite {
  return {
    kind: 'incident',
    writer: 'run-a',
    action: {
      action: 'open',
      signal: {
        key: 'stopped:3',
        type: 'traffic.incident',
        kind: 'stopped_vehicle',
        severity: 'high',
        confidence: 0.8,
        onset: 1500,
        trackIds: [3],
        imagePoint: [2, 2],
        ground: null,
        detail: { stoppedS: 30 },
      },
    },
    // A Buffer, as ffmpeg's frames are: it must come back as its bytes, not as Buffer.toJSON's numbers.
    shot: {
      frame: Buffer.from(Array.from({ length: 24 }, (_, i) => i)),
      layout,
      tracks: [track],
      bestViews: [
        {
          trackId: 3,
          view: { score: 0.95, t: 1800, width: 1, height: 1, pixels: new Uint8Array([9, 8, 7]) },
        },
      ],
    },
  };
}

const count = (n: number): HeldWrite => ({
  kind: 'vehicle-count',
  event: {
    type: 'traffic.vehicles',
    severity: 'info',
    location: { lon: 101, lat: 13 },
    cameraId: CAMERA,
    startedAt: new Date(n * 1000).toISOString(),
    endedAt: new Date(n * 1000 + 1000).toISOString(),
    confidence: 1,
    modelId: 'yolox_nano_416',
    payload: { total: n },
  },
});
const series: HeldWrite = {
  kind: 'series',
  crowd: [],
  lines: [{ lineId: 2, startedAt: 1, endedAt: 2, counts: { car: { forward: 1, reverse: 0 } } }],
};

/** What a next owner would replay, its spill closed again. */
async function replayed(): Promise<HeldWrite[]> {
  const reader = spill();
  const left = await reader.recover();
  await reader.close();
  return left.map((entry) => entry.write);
}

async function addAll(target: WriteSpill, writes: HeldWrite[]): Promise<number[]> {
  const ids: number[] = [];
  for (const write of writes) {
    const { id, stored } = target.add(write);
    await stored;
    ids.push(id);
  }
  return ids;
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'toc-spill-'));
  logged = [];
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('spill lines', () => {
  it('puts binary parts in side files and names them by index', () => {
    const { line, parts } = encodeEntry(4, 99, incidentOpen());
    expect(parts.map((part) => [...part])).toEqual([Array.from({ length: 24 }, (_, i) => i), [9, 8, 7]]);
    expect(line).toContain('"frame":{"$part":0}');
    expect(line).toContain('"pixels":{"$part":1}');
    expect(parseSpill(`${line}\n`).entries).toMatchObject([{ seq: 4, at: 99, parts: 2 }]);
  });
});

describe('WriteSpill', () => {
  it('reads back what a previous owner held, in order, frames and best views included', async () => {
    const first = spill();
    const ids = await addAll(first, [incidentOpen(), count(1), series, count(2)]);
    await first.close();
    expect((await readdir(spillDirOf(root, CAMERA))).sort()).toEqual(['1-0.bin', '1-1.bin', 'held.jsonl']);

    const next = spill();
    const left = await next.recover();
    expect(left.map((entry) => entry.id)).toEqual(ids);
    const open = incidentOpen() as Extract<HeldWrite, { kind: 'incident' }>;
    const openBack = { ...open, shot: { ...open.shot, frame: new Uint8Array(open.shot.frame!) } };
    expect(left.map((entry) => entry.write)).toEqual([openBack, count(1), series, count(2)]);
    // Its own writes follow on: ids go on after the ones it took over.
    const own = next.add(count(3));
    expect(own.id).toBe(5);
    await own.stored;
    await next.close();
  });

  it('leaves out the writes that left the journal, and is gone once nothing is held', async () => {
    const first = spill();
    const [open, one] = await addAll(first, [incidentOpen(), count(1), count(2)]);
    first.remove(open!);
    first.remove(one!);
    await first.close();
    expect(await readdir(spillDirOf(root, CAMERA))).toEqual(['held.jsonl']);

    const next = spill();
    expect((await next.recover()).map((entry) => entry.write)).toEqual([count(2)]);
    next.remove(3);
    next.clear();
    await next.close();
    await expect(readdir(spillDirOf(root, CAMERA))).rejects.toThrow(/ENOENT/);
    expect(await replayed()).toEqual([]);
  });

  it('skips a last line cut off by a kill, logs it, and appends after the whole lines', async () => {
    const first = spill();
    await addAll(first, [count(1), count(2)]);
    await first.close();
    await appendFile(spillFile(), '{"seq":3,"at":5,"parts":0,"write":{"kind":"vehicle-co');

    const next = spill();
    expect((await next.recover()).map((entry) => entry.write)).toEqual([count(1), count(2)]);
    expect(logged).toEqual([
      'warn held writes spill: its last line was cut off (a process killed while writing it) and is skipped',
    ]);
    await addAll(next, [count(3)]);
    await next.close();
    expect(await replayed()).toEqual([count(1), count(2), count(3)]);
  });

  it('sets a spill with a bad line before its last aside, and starts afresh', async () => {
    const first = spill();
    await addAll(first, [count(1)]);
    await first.close();
    await appendFile(spillFile(), 'not json\n');
    const text = await readFile(spillFile(), 'utf8');
    await appendFile(spillFile(), text.split('\n')[0]!.replace('"seq":1', '"seq":2') + '\n');

    const next = spill();
    expect(await next.recover()).toEqual([]);
    expect(logged).toEqual(['error held writes spill has unreadable lines: set aside, not replayed']);
    expect(await readdir(root)).toEqual([`camera-${CAMERA}.bad`]);
    expect(await readFile(path.join(root, `camera-${CAMERA}.bad`, 'held.jsonl'), 'utf8')).toContain(
      'not json',
    );
    await addAll(next, [count(5)]);
    await next.close();
    expect(await replayed()).toEqual([count(5)]);
  });

  it('stays bounded: past its done lines the file is rewritten with the held writes only', async () => {
    const bounded = spill(2);
    const ids = await addAll(bounded, [count(1), count(2), count(3), count(4), count(5)]);
    for (const id of ids.slice(0, 3)) bounded.remove(id);
    await bounded.close();
    const lines = (await readFile(spillFile(), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(await replayed()).toEqual([count(4), count(5)]);
  });
});

describe('WriteJournal over a spill', () => {
  class Outage extends Error {}

  function journal(target: WriteSpill, db: { up: boolean; written: string[] }, maxHeld = 3) {
    return new WriteJournal<HeldWrite>({
      apply: async (write) => {
        if (!db.up) throw new Outage('connection refused');
        db.written.push(write.kind === 'vehicle-count' ? write.event.startedAt : write.kind);
      },
      describe: (write) => write.kind,
      isOutage: (error) => error instanceof Outage,
      maxHeld,
      retryMinMs: 1,
      retryMaxMs: 5,
      log: () => undefined,
      spill: target,
    });
  }

  it('has a held write on disk when write() returns, and hands what is still held to the next owner', async () => {
    const db = { up: false, written: [] as string[] };
    const first = spill();
    const j = journal(first, db);
    for (const n of [1, 2, 3, 4]) await j.write(count(n));
    // Past the bound the oldest waiting (not the one being retried) is given up, on disk as well.
    const onDisk = parseSpill(await readFile(spillFile(), 'utf8')).entries;
    expect(onDisk.map((entry) => entry.seq)).toEqual([1, 3, 4]);
    await j.abandon();

    db.up = true;
    const next = spill();
    const j2 = journal(next, db, 10);
    j2.resume(await next.recover());
    await j2.write(count(5));
    await j2.flushed();
    expect(db.written).toEqual([1, 3, 4, 5].map((n) => new Date(n * 1000).toISOString()));
    await j2.abandon();
    expect(await readdir(root)).toEqual([]);
  });

  /** A journal over `target` whose database answers each write only when the test says so. */
  function saturated(target: WriteSpill) {
    const answers: Array<() => void> = [];
    const j = new WriteJournal<HeldWrite>({
      apply: () => new Promise<void>((resolve) => answers.push(resolve)),
      describe: (write) => write.kind,
      isOutage: () => false,
      maxHeld: 3,
      retryMinMs: 1,
      retryMaxMs: 5,
      log: () => undefined,
      spill: target,
      spillSlowAfterMs: 20,
    });
    return { j, answer: () => answers.shift()?.() };
  }
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('puts a write the database is slow to answer on disk while it waits, for the next owner if killed', async () => {
    const first = spill();
    const { j, answer } = saturated(first);
    void j.write(count(1));
    await pause(60);
    // Killed here, waiting for a connection: the write is on disk for the camera's next owner.
    await first.close();
    expect(await replayed()).toEqual([count(1)]);
    answer();
  });

  it('marks a slow write done once answered, and keeps a quick one off the disk', async () => {
    const target = spill();
    const { j, answer } = saturated(target);
    const slow = j.write(count(1));
    await pause(60);
    answer();
    await slow;
    const quick = j.write(count(2));
    answer();
    await quick;
    await target.close();
    const text = await readFile(spillFile(), 'utf8');
    expect(parseSpill(text).entries).toEqual([]);
    expect(text).not.toContain('"total":2');
  });
});
