// Medium: an export whose footage changed since it was recorded fails cleanly on real PostGIS, Redis and ffmpeg. Three
// cameras are cut side by side and zipped as they finish, each while its segments' hashes are checked; one segment of
// the second camera is altered on disk (a byte appended, or a media byte changed in place), so its check fails while
// the cameras are being cut (the zip waiting on the first): the export stops with the altered segment named in English
// and Thai (not "aborted"), the other cameras' cuts are stopped, and no package, partial zip or work file is left.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '@toc/server/db/migrate';
import { createPool } from '@toc/server/db/pool';
import { evidencePaths, loadEvidenceConfig } from '@toc/server/evidence-config';
import { loadSigningKey } from '@toc/server/lib/evidence-signing-key';
import { RECORDINGS_MARKER } from '@toc/server/recording-config';
import {
  findRequest,
  insertRequest,
  replaceCameras,
  setStatus,
} from '@toc/server/repositories/footage-requests.repository';
import { upsertUser } from '@toc/server/repositories/users.repository';
import { channelNames } from '@toc/server/realtime/channel-names';
import { createTestSchema, requireEnv, TEST_STATION } from '@toc/server/testing';
import type { ExportContext } from '../src/export/export-context';
import { exportRequest } from '../src/export/export-request';
import { indexRecordedSegment, recordStreetClip, type IndexedSegment } from './recorded-footage';

const T0 = Date.parse('2026-12-05T03:00:00.000Z');
const CAMERAS = 3;

let schema: Awaited<ReturnType<typeof createTestSchema>>;
let db: ReturnType<typeof createPool>;
let redis: Redis;
let root: string;
let ctx: ExportContext;
const segments: IndexedSegment[][] = [];
const cameraIds: number[] = [];
const logged: string[] = [];

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

beforeAll(async () => {
  schema = await createTestSchema();
  db = createPool(schema.databaseUrl, 4);
  await applyMigrations(db);
  redis = new Redis(requireEnv('REDIS_URL'), { lazyConnect: true });
  root = await mkdtemp(path.join(tmpdir(), 'export-failure-'));
  const recordingsDir = path.join(root, 'recordings');
  await mkdir(recordingsDir);
  await writeFile(path.join(recordingsDir, RECORDINGS_MARKER), '');
  const recorded = await recordStreetClip(path.join(root, 'incoming'), 12, 4);
  for (let i = 0; i < CAMERAS; i += 1) {
    const { rows } = await db.query<{ id: number }>(
      `INSERT INTO cameras (name, name_th, location, heading_deg, fov_deg, rtsp_url, enabled)
       VALUES ($1, $2, ST_SetSRID(ST_MakePoint(101.07, 13.69), 4326), 90, 60, 'rtsp://127.0.0.1:9/x', false)
       RETURNING id`,
      [`Failure ${i + 1}`, `กล้องทดสอบ ${i + 1}`],
    );
    cameraIds.push(rows[0]!.id);
    const indexed: IndexedSegment[] = [];
    let wall = T0;
    for (const segment of recorded) {
      const one = await indexRecordedSegment(db, recordingsDir, rows[0]!.id, segment, wall, { copy: true });
      indexed.push(one);
      wall = one.endedAt;
    }
    segments.push(indexed);
  }
  const evidence = loadEvidenceConfig({ EVIDENCE_DIR: path.join(root, 'evidence') });
  ctx = {
    db,
    redis,
    channels: channelNames(schema.schema),
    jobs: { exportRequest: async () => undefined, notice: async () => undefined },
    evidence,
    recordingsDir,
    key: await loadSigningKey(evidence.signingKeyFile, { createIfMissing: true }),
    // The export must stop before the letter: a letter printed is a failure of its own. (Warming the printer is
    // what every export does first; no browser is needed for these tests.)
    letters: {
      warm: async () => undefined,
      print: () => Promise.reject(new Error('the letter was reached')),
    },
    workingCopies: false,
    software: { name: 'traffic-operations-center', version: 'test' },
    now: () => new Date(),
    log: (_level, message, detail) => logged.push(`${message} ${JSON.stringify(detail)}`),
  };
}, 120_000);

afterAll(async () => {
  redis?.disconnect();
  await db?.end();
  await schema?.drop();
  if (root) await rm(root, { recursive: true, force: true });
});

/** An approved request for every camera's window, exported with one segment of the second camera altered on disk. */
async function exportAltered(caseNumber: string, alter: (bytes: Buffer) => Buffer) {
  const police = await upsertUser(db, {
    username: 'failure-police',
    displayName: 'Police',
    role: 'police',
    passwordHash: 'x',
    station: TEST_STATION,
  });
  const operator = await upsertUser(db, {
    username: 'failure-operator',
    displayName: 'Operator',
    role: 'operator',
    passwordHash: 'x',
  });
  const window = { from: new Date(T0 + 1_000).toISOString(), to: new Date(T0 + 11_000).toISOString() };
  const id = await insertRequest(db, {
    kind: 'online',
    requesterId: police,
    enteredBy: police,
    beYear: 2569,
    at: new Date(),
    form: {
      caseNumber,
      station: TEST_STATION,
      officerName: 'Officer',
      officerRank: 'ร.ต.อ.',
      officerId: '1',
      officerPhone: '0812345678',
      legalBasis: 'test',
      reason: 'test',
      place: { lon: 101.07, lat: 13.69 },
      ...window,
    },
  });
  await replaceCameras(
    db,
    id,
    cameraIds.map((cameraId) => ({ cameraId, ...window })),
    operator,
  );
  await setStatus(db, id, 'approved', new Date(), { decidedBy: operator });
  const altered = segments[1]![1]!;
  const original = await readFile(altered.file);
  await writeFile(altered.file, alter(Buffer.from(original)));
  try {
    return { id, altered, outcome: await exportRequest(ctx, id) };
  } finally {
    await writeFile(altered.file, original);
  }
}

describe('an export whose footage changed', () => {
  it.each([
    ['a byte appended', 'FAIL-1', (bytes: Buffer) => Buffer.concat([bytes, Buffer.from([0])])],
    // Same size, boxes intact (a byte of the last fragment's media): the window is cut from it while its hash is
    // checked, and the failed check stops the cut.
    [
      'a media byte changed',
      'FAIL-2',
      (bytes: Buffer) => {
        bytes.writeUInt8(bytes.readUInt8(bytes.length - 100) ^ 0xff, bytes.length - 100);
        return bytes;
      },
    ],
  ])(
    'with %s: fails naming the segment, leaving no package, partial zip or work file',
    async (_, caseNumber, alter) => {
      const { id, altered, outcome } = await exportAltered(caseNumber, alter);
      expect(outcome).toBe('failed');

      const request = (await findRequest(db, id))!;
      expect(request.status).toBe('export_failed');
      expect(request.exportError).toContain(altered.path);
      expect(logged.join('\n')).toContain('evidence export failed');
      const paths = evidencePaths(ctx.evidence);
      expect(await filesUnder(paths.packages)).toEqual([]);
      expect(await filesUnder(paths.work)).toEqual([]);
      const { rows } = await db.query('SELECT 1 FROM evidence_packages WHERE request_id = $1', [id]);
      expect(rows).toEqual([]);
    },
    120_000,
  );
});
