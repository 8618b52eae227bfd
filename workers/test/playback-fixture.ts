// The playback tests' server over 30 s of recorded street footage with a gap, an event and holds, and their helpers.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '@toc/server/app';
import { RECORDINGS_MARKER } from '@toc/server/recording-config';
import { indexSegment, openGap } from '@toc/server/repositories/recording-index.repository';
import { ALL_ROLES } from '@toc/server/plugins/types';
import type { Role } from '@toc/server/schemas';
import { createTestSchema, roleTokens, testConfig } from '@toc/server/testing';
import { indexRecordedSegment, recordStreetClip, type IndexedSegment } from './recorded-footage';
import { createApiCamera } from '@toc/server/testing/api-camera';
import { useFileFixture } from '@toc/server/testing/file-fixture';

export const run = promisify(execFile);
export const FPS = 30;
const SEGMENT_S = 4;
/** Wall clock of the first recorded frame; the server's clock is pinned an hour later (the footage is past). */
export const T0 = Date.parse('2031-03-14T01:00:00.000Z');
export const NOW = new Date(T0 + 3_600_000);
/** The camera was offline this long after its first 16 s (the gap between the two runs of segments). */
const OFFLINE_MS = 60_000;
export const iso = (ms: number) => new Date(ms).toISOString();

export const timelineUrl = (camera: number, from: number, to: number) =>
  `/api/recordings/${camera}/timeline?from=${iso(from)}&to=${iso(to)}`;
export const playlistUrl = (camera: number, from: number, to: number) =>
  `/api/recordings/${camera}/playlist.m3u8?from=${iso(from)}&to=${iso(to)}`;
export const stillUrl = (camera: number, at: number | string) =>
  `/api/recordings/${camera}/still?at=${typeof at === 'number' ? iso(at) : at}`;

export interface PlaybackFixture {
  /** The server, listening at `baseUrl`, on the recordings volume `recordingsDir` (inside `root`). */
  app: FastifyInstance;
  /** The same server without RECORDINGS_DIR. */
  unconfigured: FastifyInstance;
  root: string;
  recordingsDir: string;
  baseUrl: string;
  tokens: Record<Role, string>;
  /** The camera with the recorded footage, and one with index rows only. */
  cameraId: number;
  otherCameraId: number;
  /** An event on `cameraId` 5–9 s into the footage. */
  eventId: number;
  segments: IndexedSegment[];
  /** The segments before and after the camera's time offline, and the gap between them. */
  firstRun: IndexedSegment[];
  secondRun: IndexedSegment[];
  gap: { from: number; to: number };
  /** Every request for a segment file the server answered. */
  segmentRequests: { id: number; status: number; range: string | undefined }[];
  /** A request as the role (none: anonymous), to `app` unless another server is given. */
  as: (
    role: Role | null,
    request: InjectOptions,
    server?: FastifyInstance,
  ) => Promise<LightMyRequestResponse>;
  countAudit: (action: string, target: string) => Promise<number>;
  /** Index rows without footage behind them (the timeline reads only the index). */
  indexSynthetic: (camera: number, spans: [number, number][], name: string) => Promise<void>;
  close: () => Promise<void>;
}

/**
 * 30 s of the street clip recorded with the recorder's own muxer options into 4-second segments and indexed at
 * wall-clock times from T0, with the camera offline for a minute after its first 16 s; an event and two holds (one
 * released) over the footage; a second camera with nothing indexed; tokens for every role.
 */
export async function startPlaybackFixture(): Promise<PlaybackFixture> {
  const root = await mkdtemp(path.join(tmpdir(), 'toc-playback-'));
  let schema: Awaited<ReturnType<typeof createTestSchema>> | undefined;
  const servers: FastifyInstance[] = [];
  const close = async () => {
    for (const server of servers) await server.close();
    await schema?.drop();
    await rm(root, { recursive: true, force: true });
  };
  try {
    schema = await createTestSchema();
    const recordingsDir = path.join(root, 'recordings');
    await mkdir(recordingsDir);
    await writeFile(path.join(recordingsDir, RECORDINGS_MARKER), '');
    const config = testConfig(schema.databaseUrl);
    const app = await buildApp(
      { ...config, recording: { ...config.recording, dir: recordingsDir } },
      { now: () => NOW },
    );
    servers.push(app);
    const segmentRequests: PlaybackFixture['segmentRequests'] = [];
    app.addHook('onResponse', async (request, reply) => {
      const match = /^\/api\/recordings\/segments\/(\d+)/.exec(request.url);
      if (match)
        segmentRequests.push({
          id: Number(match[1]),
          status: reply.statusCode,
          range: request.headers.range,
        });
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const unconfigured = await buildApp(
      { ...config, recording: { ...config.recording, dir: null } },
      { now: () => NOW },
    );
    servers.push(unconfigured);
    await unconfigured.ready();
    const tokens = await roleTokens(app, ALL_ROLES);
    const as: PlaybackFixture['as'] = (role, request, server = app) =>
      server.inject({
        ...request,
        headers: { ...request.headers, ...(role ? { authorization: `Bearer ${tokens[role]}` } : {}) },
      });

    const cameraId = await createApiCamera(as, 'Playback');
    const otherCameraId = await createApiCamera(as, 'Index only');

    const incoming = path.join(root, 'incoming');
    await mkdir(incoming);
    // 30 s as CCTV cameras send it (a keyframe every second, no B-frames; the clip's own keyframes are 8 s apart).
    const recorded = await recordStreetClip(incoming, 30, SEGMENT_S);
    expect(recorded.length).toBeGreaterThanOrEqual(7);
    // The first 16 s, then the camera goes offline for a minute, then the rest.
    const cut = recorded.findIndex((item) => item.start >= 16);
    const segments: IndexedSegment[] = [];
    for (const [index, item] of recorded.entries()) {
      if (index === cut)
        await openGap(app.db, cameraId, new Date(T0 + item.start * 1000), 'camera_offline', 'no RTSP answer');
      const wallStart = T0 + item.start * 1000 + (index >= cut ? OFFLINE_MS : 0);
      segments.push(
        await indexRecordedSegment(app.db, recordingsDir, cameraId, item, wallStart, {
          workerId: 'playback-test',
        }),
      );
    }
    const [firstRun, secondRun] = [segments.slice(0, cut), segments.slice(cut)];
    const gap = { from: firstRun[firstRun.length - 1]!.endedAt, to: secondRun[0]!.startedAt };
    const { rows } = await app.db.query<{ id: number }>(
      `INSERT INTO events (type, severity, camera_id, started_at, ended_at) VALUES ('traffic.stopped_vehicle', 'medium', $1, $2, $3)
       RETURNING id`,
      [cameraId, new Date(T0 + 5_000), new Date(T0 + 9_000)],
    );
    const admin = await app.db.query<{ id: number }>("SELECT id FROM users WHERE username = 'admin'");
    await app.db.query(
      `INSERT INTO evidence_holds (camera_id, starts_at, ends_at, reason, case_number, created_by)
       VALUES ($1, $2, $3, 'Crash at the junction', 'CASE-1', $4), ($1, $2, $3, 'Released one', NULL, $4)`,
      [cameraId, new Date(T0), new Date(T0 + 30_000), admin.rows[0]!.id],
    );
    await app.db.query(
      `UPDATE evidence_holds SET released_at = $2, released_by = $3, release_reason = 'not needed'
        WHERE camera_id = $1 AND reason = 'Released one'`,
      [cameraId, NOW, admin.rows[0]!.id],
    );
    const eventId = rows[0]!.id;

    return {
      app,
      unconfigured,
      root,
      recordingsDir,
      baseUrl,
      tokens,
      cameraId,
      otherCameraId,
      eventId,
      segments,
      firstRun,
      secondRun,
      gap,
      segmentRequests,
      as,
      countAudit: async (action, target) =>
        (
          await app.db.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND target = $2',
            [action, target],
          )
        ).rows[0]!.n,
      indexSynthetic: async (camera, spans, name) => {
        for (const [index, [from, to]] of spans.entries()) {
          await indexSegment(app.db, {
            cameraId: camera,
            startedAt: new Date(from),
            endedAt: new Date(to),
            bytes: 1000,
            path: `${camera}/${name}-${index}.mp4`,
            sha256: 'a'.repeat(64),
            codec: 'avc1',
            width: 640,
            height: 360,
            initBytes: 100,
            workerId: 'playback-test',
            clockSource: 'system',
            interrupted: false,
          });
        }
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The fixture for the calling test file (see file-fixture.ts). */
export function usePlaybackFixture(): PlaybackFixture {
  return useFileFixture(startPlaybackFixture, 120_000);
}
