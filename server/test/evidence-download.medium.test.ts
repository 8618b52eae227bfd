// Medium: a package download on the real server, PostGIS and Redis. A stored package (a folder the export wrote) is
// served as the one zip its layout describes, with its size and hash; one whose part changed on the server is refused
// (410, English and Thai) before any byte, audit row or status change; a zip file kept as packages were before still
// downloads.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../src/app';
import { evidencePaths } from '../src/evidence-config';
import { STORED_ZIP_FILES, STORED_ZIP_FORMAT, type StoredZipLayout } from '../src/lib/stored-zip';
import { insertPackage, insertRequest, setStatus } from '../src/repositories/footage-requests.repository';
import { createTestSchema, roleTokens, testConfig, TEST_STATION } from './test-env';

const NOW = new Date('2031-03-14T03:00:00.000Z');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let root: string;
let packagesDir: string;
let tokens: Record<'police', string>;
let policeId: number;

const as = (role: 'police', request: InjectOptions) =>
  app.inject({ ...request, headers: { ...request.headers, authorization: `Bearer ${tokens[role]}` } });

/** A request of the police user, ready, with a package at `relative` of these bytes. */
async function readyRequest(relative: string, whole: Buffer): Promise<number> {
  const id = await insertRequest(app.db, {
    kind: 'online',
    requesterId: policeId,
    enteredBy: policeId,
    beYear: 2574,
    at: NOW,
    form: {
      caseNumber: 'คดีที่ 9/2574',
      station: TEST_STATION,
      officerName: 'ด.ต. ทดสอบ',
      officerRank: 'ด.ต.',
      officerId: '1',
      officerPhone: '089-000-1111',
      legalBasis: 'ป.วิ.อาญา มาตรา 132',
      reason: 'download test',
      place: { lon: 101.07, lat: 13.69 },
      from: new Date(NOW.getTime() - 600_000).toISOString(),
      to: NOW.toISOString(),
    },
  });
  await setStatus(app.db, id, 'ready', NOW);
  await insertPackage(app.db, {
    id: randomUUID(),
    requestId: id,
    path: relative,
    bytes: whole.length,
    sha256: sha256(whole),
    manifestSha256: '0'.repeat(64),
    keyFingerprint: '0'.repeat(64),
    at: NOW,
  });
  return id;
}

/** A stored zip by hand: frame "HEAD|" + the video + "|TAIL" (the server serves bytes; it does not read the zip). */
async function storedPackage(relative: string, video: Buffer): Promise<Buffer> {
  const dir = path.join(packagesDir, relative);
  await mkdir(path.join(dir, STORED_ZIP_FILES.content, 'video'), { recursive: true });
  await writeFile(path.join(dir, STORED_ZIP_FILES.frame), 'HEAD||TAIL');
  await writeFile(path.join(dir, STORED_ZIP_FILES.content, 'video/camera-1.mp4'), video);
  const whole = Buffer.concat([Buffer.from('HEAD|'), video, Buffer.from('|TAIL')]);
  const layout: StoredZipLayout = {
    format: STORED_ZIP_FORMAT,
    bytes: whole.length,
    sha256: sha256(whole),
    pieces: [
      { kind: 'frame', offset: 0, bytes: 5 },
      { kind: 'file', path: 'video/camera-1.mp4', bytes: video.length },
      { kind: 'frame', offset: 5, bytes: 5 },
    ],
  };
  await writeFile(path.join(dir, STORED_ZIP_FILES.layout), JSON.stringify(layout));
  return whole;
}

async function download(requestId: number) {
  const link = await as('police', {
    method: 'POST',
    url: `/api/footage-requests/${requestId}/download-link`,
  });
  expect(link.statusCode, link.body).toBe(200);
  return as('police', { method: 'GET', url: link.json<{ url: string }>().url });
}

const downloads = async (requestId: number) =>
  (
    await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'evidence-package.download' AND target = $1`,
      [`footage-request:${requestId}`],
    )
  ).rows[0]!.n;

const status = async (requestId: number) =>
  (await app.db.query<{ status: string }>('SELECT status FROM footage_requests WHERE id = $1', [requestId]))
    .rows[0]!.status;

beforeAll(async () => {
  schema = await createTestSchema();
  root = await mkdtemp(path.join(tmpdir(), 'toc-download-'));
  const config = testConfig(schema.databaseUrl);
  const evidence = {
    ...config.evidence,
    dir: root,
    signingKeyFile: path.join(root, 'key.pem'),
    createSigningKey: true,
  };
  packagesDir = evidencePaths(evidence).packages;
  app = await buildApp({ ...config, evidence }, { now: () => NOW });
  await app.ready();
  tokens = await roleTokens(app, ['police']);
  policeId = (await app.db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'police'`)).rows[0]!
    .id;
});

afterAll(async () => {
  await app?.close();
  await schema?.drop();
  await rm(root, { recursive: true, force: true });
});

describe('package download', () => {
  it('serves a stored package as the one zip of its layout, with its size and SHA-256', async () => {
    const video = Buffer.alloc(3 * 1024 * 1024 + 7, 0x5a);
    const whole = await storedPackage('1/stored', video);
    const id = await readyRequest('1/stored', whole);
    const reply = await download(id);
    expect(reply.statusCode, reply.body.slice(0, 200)).toBe(200);
    expect(reply.rawPayload.equals(whole)).toBe(true);
    expect(Number(reply.headers['content-length'])).toBe(whole.length);
    expect(reply.headers['x-content-sha256']).toBe(sha256(whole));
    expect(await downloads(id)).toBe(1);
    expect(await status(id)).toBe('downloaded');
  });

  it('refuses a stored package whose part changed on the server, before any audit row or status change', async () => {
    const whole = await storedPackage('2/stored', Buffer.from('original video'));
    const id = await readyRequest('2/stored', whole);
    await writeFile(
      path.join(packagesDir, '2/stored', STORED_ZIP_FILES.content, 'video/camera-1.mp4'),
      'edited',
    );
    const reply = await download(id);
    expect(reply.statusCode).toBe(410);
    expect(reply.json()).toMatchObject({
      message: expect.stringContaining('missing or changed'),
      messageTh: expect.stringContaining('ถูกเปลี่ยน'),
    });
    expect(await downloads(id)).toBe(0);
    expect(await status(id)).toBe('ready');
  });

  it('still serves a package kept as one zip file', async () => {
    const whole = Buffer.from('PK\u0003\u0004 a zip file from before stored packages');
    await mkdir(path.join(packagesDir, '3'), { recursive: true });
    await writeFile(path.join(packagesDir, '3/old.zip'), whole);
    const id = await readyRequest('3/old.zip', whole);
    const reply = await download(id);
    expect(reply.statusCode).toBe(200);
    expect(reply.rawPayload.equals(whole)).toBe(true);
  });
});
