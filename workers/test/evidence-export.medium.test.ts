// Medium: a police footage request from filing to its end on the real server, PostGIS, Redis, ffmpeg and Chromium.
// Filed for the officer's own station (others, bad windows and roles without a part refused), cameras picked,
// approved by an operator (holds placed), exported by the real export worker with progress on the socket, downloaded
// through an audited expiring link, checked by the verifier CLI, a tampered copy refused, and the case closed (holds
// released); station scoping and four-eyes approval along the way (evidence-export-fixture.ts).
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { FootageRequest } from '@toc/server/schemas';
import { TEST_STATION } from '@toc/server/testing';
import type { Manifest } from '@toc/verifier/manifest';
import { form, iso, T0, useEvidenceExportFixture } from './evidence-export-fixture';
import { readPackageEntry, runVerifier } from './evidence-package';

const run = promisify(execFile);

const fixture = useEvidenceExportFixture();
const as = (...args: Parameters<typeof fixture.as>) => fixture.as(...args);
let requestId: number;
let zipPath: string;
let fingerprint: string;

describe('filing', () => {
  it('lets a police officer file online for their own station, numbered in the Buddhist Era', async () => {
    const reply = await as('police', { method: 'POST', url: '/api/footage-requests', payload: form() });
    expect(reply.statusCode, reply.body).toBe(201);
    const filed = reply.json<FootageRequest>();
    expect(filed).toMatchObject({
      status: 'submitted',
      kind: 'online',
      station: TEST_STATION,
      requester: 'police',
    });
    expect(filed.reference).toMatch(/^FR-2574-\d{5}$/);
    requestId = filed.id;
  });

  it('refuses another station, a window in the wrong order or too long, and roles without a part', async () => {
    const other = await as('police', {
      method: 'POST',
      url: '/api/footage-requests',
      payload: form({ station: 'สภ.บางปะกง' }),
    });
    expect(other.statusCode).toBe(400);
    expect(other.json()).toMatchObject({ messageTh: expect.stringContaining('สถานี') });
    const reversed = await as('police', {
      method: 'POST',
      url: '/api/footage-requests',
      payload: form({ from: iso(T0 + 5000), to: iso(T0) }),
    });
    expect(reversed.statusCode).toBe(400);
    const long = await as('police', {
      method: 'POST',
      url: '/api/footage-requests',
      payload: form({ to: iso(T0 + 25 * 3_600_000) }),
    });
    expect(long.statusCode).toBe(400);
    expect((await as('planner', { method: 'GET', url: '/api/footage-requests' })).statusCode).toBe(403);
    expect(
      (await as('operator', { method: 'POST', url: '/api/footage-requests', payload: form() })).statusCode,
    ).toBe(403);
    const { rows } = await fixture.app.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM footage_requests',
    );
    expect(rows[0]!.n).toBe(1);
  });

  it('shows a request to its station only', async () => {
    expect(
      (await as('police3', { method: 'GET', url: `/api/footage-requests/${requestId}` })).statusCode,
    ).toBe(404);
    const list = await as('police3', { method: 'GET', url: '/api/footage-requests' });
    expect(list.json()).toEqual([]);
    expect(
      (await as('police2', { method: 'GET', url: `/api/footage-requests/${requestId}` })).statusCode,
    ).toBe(200);
  });
});

describe('review and approval', () => {
  it('lets the requester pick cameras inside the window, not outside', async () => {
    const outside = await as('police', {
      method: 'PUT',
      url: `/api/footage-requests/${requestId}/cameras`,
      payload: { cameras: [{ cameraId: fixture.cameraA, from: iso(T0), to: iso(T0 + 30_000) }] },
    });
    expect(outside.statusCode).toBe(400);
    const picked = await as('police', {
      method: 'PUT',
      url: `/api/footage-requests/${requestId}/cameras`,
      payload: {
        cameras: [
          { cameraId: fixture.cameraA, from: iso(T0 + 2_000), to: iso(T0 + 50_000) },
          { cameraId: fixture.cameraB, from: iso(T0 + 6_500), to: iso(T0 + 14_500) },
        ],
      },
    });
    expect(picked.statusCode, picked.body).toBe(200);
    expect(picked.json<FootageRequest>().cameras.map((c) => c.cameraId)).toEqual(
      [fixture.cameraA, fixture.cameraB].sort((a, b) => a - b),
    );
    expect(
      (
        await as('police2', {
          method: 'PUT',
          url: `/api/footage-requests/${requestId}/cameras`,
          payload: { cameras: [{ cameraId: fixture.cameraA, from: iso(T0 + 2_000), to: iso(T0 + 3_000) }] },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('never lets police approve, and needs a reason to reject', async () => {
    expect(
      (
        await as('police', {
          method: 'POST',
          url: `/api/footage-requests/${requestId}/decision`,
          payload: { decision: 'approve' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await as('operator', {
          method: 'POST',
          url: `/api/footage-requests/${requestId}/decision`,
          payload: { decision: 'reject' },
        })
      ).statusCode,
    ).toBe(400);
  });

  it('approves: evidence holds on each camera window, the export queued', async () => {
    const reply = await as('operator', {
      method: 'POST',
      url: `/api/footage-requests/${requestId}/decision`,
      payload: { decision: 'approve', note: 'ครบถ้วน' },
    });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json<FootageRequest>()).toMatchObject({ decidedBy: 'operator' });
    const { rows } = await fixture.app.db.query<{ camera_id: number; starts_at: Date; ends_at: Date }>(
      'SELECT camera_id, starts_at, ends_at FROM evidence_holds WHERE request_id = $1 AND released_at IS NULL ORDER BY camera_id',
      [requestId],
    );
    expect(rows.map((r) => [r.camera_id, r.starts_at.getTime(), r.ends_at.getTime()])).toEqual(
      [
        [fixture.cameraA, T0 + 2_000, T0 + 50_000],
        [fixture.cameraB, T0 + 6_500, T0 + 14_500],
      ].sort((a, b) => a[0]! - b[0]!),
    );
  });
});

describe('export', () => {
  it('builds the package with progress told on the socket', async () => {
    const done = await fixture.waitFor(
      requestId,
      (r) => r.status === 'ready' || r.status === 'export_failed',
      150_000,
    );
    expect(done.exportError).toBeNull();
    expect(done.status).toBe('ready');
    expect(done.package).toMatchObject({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const statuses = fixture.changes.filter((c) => c.id === requestId).map((c) => c.status);
    expect(statuses).toContain('exporting');
    expect(statuses.at(-1)).toBe('ready');
    expect(
      fixture.changes.some(
        (c) =>
          c.status === 'exporting' &&
          c.exportProgress !== null &&
          c.exportProgress > 0 &&
          c.exportProgress < 1,
      ),
    ).toBe(true);
  }, 180_000);

  it('gives the package only through a personal link, audited with the address', async () => {
    expect(
      (await as('operator', { method: 'POST', url: `/api/footage-requests/${requestId}/download-link` }))
        .statusCode,
    ).toBe(403);
    expect(
      (await as('police2', { method: 'POST', url: `/api/footage-requests/${requestId}/download-link` }))
        .statusCode,
    ).toBe(403);
    const link = await as('police', {
      method: 'POST',
      url: `/api/footage-requests/${requestId}/download-link`,
    });
    expect(link.statusCode, link.body).toBe(200);
    const { url } = link.json<{ url: string }>();
    expect((await as('admin', { method: 'GET', url })).statusCode).toBe(403);
    const download = await fetch(`${fixture.baseUrl}${url}`, {
      headers: { authorization: `Bearer ${fixture.tokens.police}` },
    });
    expect(download.status).toBe(200);
    zipPath = path.join(fixture.root, 'package.zip');
    await writeFile(zipPath, Buffer.from(await download.arrayBuffer()));
    expect((await fixture.request(requestId)).status).toBe('downloaded');
    const { rows } = await fixture.app.db.query<{ username: string; ip: string }>(
      `SELECT username, host(ip) AS ip FROM audit_log WHERE action = 'evidence-package.download' AND target = $1`,
      [`footage-request:${requestId}`],
    );
    expect(rows).toEqual([{ username: 'police', ip: '127.0.0.1' }]);
    expect(
      (await as('police', { method: 'GET', url: '/api/evidence-downloads/unknown-token-aaaaaaaaaaaaa' }))
        .statusCode,
    ).toBe(410);
  });

  it('has a manifest naming every recorded segment used, the gap with its reason, and a stream-copied master', async () => {
    const manifest = JSON.parse(
      (await readPackageEntry(zipPath, 'manifest.json')).toString('utf8'),
    ) as Manifest;
    expect(manifest.request).toMatchObject({
      caseNumber: 'คดีอาญาที่ 123/2574',
      station: TEST_STATION,
      approver: { username: 'operator' },
    });
    const a = manifest.cameras.find((c) => c.id === fixture.cameraA)!;
    const used = fixture.segmentsA.filter((s) => s.endedAt > T0 + 2_000 && s.startedAt < T0 + 50_000);
    expect(a.segments.map((s) => s.sha256)).toEqual(used.map((s) => s.sha256));
    expect(a.gaps.length).toBeGreaterThanOrEqual(1);
    expect(Date.parse(a.gaps[0]!.from)).toBe(T0 + 24_000);
    expect(Date.parse(a.covered!.from)).toBeGreaterThanOrEqual(T0 + 1_000);
    expect(Date.parse(a.covered!.from)).toBeLessThanOrEqual(T0 + 2_000);
    const master = path.join(fixture.root, 'master.mp4');
    await writeFile(master, await readPackageEntry(zipPath, a.files[0]!));
    const { stdout } = await run('ffprobe', [
      '-v',
      'error',
      '-show_streams',
      '-show_chapters',
      '-of',
      'json',
      master,
    ]);
    const probed = JSON.parse(stdout) as {
      streams: { codec_type: string; codec_name: string }[];
      chapters: unknown[];
    };
    // MP4 keeps chapters in a text track of their own, which ffprobe lists as a data stream.
    expect(
      probed.streams.map((s) => `${s.codec_type}:${s.codec_name}`).filter((s) => !s.startsWith('data:')),
    ).toEqual(['video:h264', 'subtitle:mov_text']);
    expect(probed.chapters).toHaveLength(a.segments.length);
    // The cut can be run again from the recordings store: its concat list names the segments by their store paths.
    const list = a.cut!.inputs.find((input) => input.name.endsWith('.ffconcat'))!.text;
    expect(list).not.toContain(fixture.root);
    for (const segment of a.segments) expect(list).toContain(`'${segment.path}'`);
    const letter = await readPackageEntry(zipPath, 'letter.pdf');
    expect(letter.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('verifies with the published key, and refuses a tampered copy naming the file', async () => {
    const key = await as(null, { method: 'GET', url: '/api/evidence/public-key' });
    expect(key.statusCode).toBe(200);
    fingerprint = key.json<{ fingerprint: string }>().fingerprint;
    const good = await runVerifier(zipPath, '--fingerprint', fingerprint);
    expect(good.code, good.out).toBe(0);
    // What a court clerk's unzip says of it too (Info-ZIP checks every entry's CRC and the directory).
    const { stdout: tested } = await run('unzip', ['-tq', zipPath]);
    expect(tested).toMatch(/^No errors detected in compressed data of /);
    const bytes = await readFile(zipPath);
    const manifest = JSON.parse(
      (await readPackageEntry(zipPath, 'manifest.json')).toString('utf8'),
    ) as Manifest;
    const videoPath = manifest.cameras.find((c) => c.id === fixture.cameraA)!.files[0]!;
    // Videos are stored, not deflated: a byte in the middle of the zip is a byte of the largest video.
    const tampered = Buffer.from(bytes);
    const at = bytes.indexOf(Buffer.from('mdat')) + 5_000;
    tampered[at] = tampered[at]! ^ 0xff;
    const bad = path.join(fixture.root, 'tampered.zip');
    await writeFile(bad, tampered);
    const result = await runVerifier(bad, '--fingerprint', fingerprint);
    expect(result.code).toBe(1);
    expect(result.out).toContain(videoPath);
  }, 60_000);
});

describe('closing', () => {
  it('lets only an admin close, with a reason, releasing the holds', async () => {
    expect(
      (
        await as('operator', {
          method: 'POST',
          url: `/api/footage-requests/${requestId}/close`,
          payload: { reason: 'คดีสิ้นสุด' },
        })
      ).statusCode,
    ).toBe(403);
    const closed = await as('admin', {
      method: 'POST',
      url: `/api/footage-requests/${requestId}/close`,
      payload: { reason: 'คดีสิ้นสุดแล้ว / case over' },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<FootageRequest>().steps.map((s) => s.status)).toEqual([
      'submitted',
      'submitted',
      'approved',
      'exporting',
      'ready',
      'downloaded',
      'closed',
    ]);
    const { rows } = await fixture.app.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM evidence_holds WHERE request_id = $1 AND released_at IS NULL',
      [requestId],
    );
    expect(rows[0]!.n).toBe(0);
    // The station's channel heard of each step worth telling; the other station's heard nothing.
    const deadline = Date.now() + 15_000;
    while (fixture.stationHook.requests.length < 4 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    const told = fixture.stationHook.requests.map((r) => ({
      path: r.path,
      request: r.headers['x-toc-request-id'],
      title: (JSON.parse(r.body) as { title: { en: string } }).title.en,
    }));
    expect(told.every((t) => t.path === '/station' && t.request === String(requestId))).toBe(true);
    expect(told.map((t) => t.title.split(': ')[1]).sort()).toEqual([
      'approved',
      'closed',
      'ready to download',
      'submitted',
    ]);
    const audit = await fixture.app.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE target = $1 ORDER BY id`,
      [`footage-request:${requestId}`],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'footage-request.file',
      'footage-request.cameras',
      'footage-request.approve',
      'footage-request.export-start',
      'footage-request.export-done',
      'evidence-package.download',
      'footage-request.downloaded',
      'footage-request.close',
    ]);
  });
});
