// The recording admin tests' server on a pinned clock with two cameras and a marked volume, and their helpers.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app';
import { RECORDINGS_MARKER } from '../src/recording-config';
import { ALL_ROLES } from '../src/plugins/types';
import type { Role } from '../src/schemas';
import { createTestSchema, roleTokens, testConfig } from './test-env';
import { createApiCamera } from './api-camera';
import { useFileFixture } from './file-fixture';

/** The server's clock: 09:00 on 14 March 2031 in Bangkok (02:00 UTC), so "today" there began at 13 March 17:00 UTC. */
export const NOW = new Date('2031-03-14T02:00:00Z');
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const at = (msBeforeNow: number) => new Date(NOW.getTime() - msBeforeNow);

export function expectReason(reply: { statusCode: number; json: () => unknown }, status: number): void {
  expect(reply.statusCode).toBe(status);
  const body = reply.json() as { message?: string; messageTh?: string };
  expect(body.message).toBeTruthy();
  expect(body.messageTh).toMatch(/[\u0E00-\u0E7F]/);
}

export interface AuditRow {
  action: string;
  target: string;
  username: string;
  detail: Record<string, unknown>;
}

export interface RecordingAdminFixture {
  app: FastifyInstance;
  tokens: Record<Role, string>;
  /** The recordings volume: 3 to 30 days by default, a 1 TB quota. */
  recordingsDir: string;
  cameraA: number;
  cameraB: number;
  /** A request as the role (none: anonymous). */
  as: (role: Role | null, request: InjectOptions) => Promise<LightMyRequestResponse>;
  /** An indexed segment of `seconds` ending `endedBefore` ms before NOW (indexed when it ended). */
  insertSegment: (cameraId: number, endedBefore: number, bytes: number, seconds?: number) => Promise<void>;
  count: (table: 'evidence_holds' | 'camera_recording' | 'audit_log') => Promise<number>;
  /** The newest audit row. */
  lastAudit: () => Promise<AuditRow>;
  /** A hold on camera A of the hour before last, with a reason and case number, changed by `fields`. */
  holdBody: (fields?: Partial<Record<string, unknown>>) => Record<string, unknown>;
  close: () => Promise<void>;
}

/** A server on a fresh schema and a marked recordings volume, a token per role, and two cameras without settings. */
export async function startRecordingAdminFixture(): Promise<RecordingAdminFixture> {
  let schema: Awaited<ReturnType<typeof createTestSchema>> | undefined;
  let recordingsDir: string | undefined;
  let app: FastifyInstance | undefined;
  const close = async () => {
    await app?.close();
    await schema?.drop();
    if (recordingsDir) await rm(recordingsDir, { recursive: true, force: true });
  };
  try {
    schema = await createTestSchema();
    const volume = await mkdtemp(path.join(tmpdir(), 'toc-recordings-admin-'));
    recordingsDir = volume;
    await writeFile(path.join(volume, RECORDINGS_MARKER), '');
    const base = testConfig(schema.databaseUrl);
    const recording = {
      ...base.recording,
      dir: volume,
      defaultMinDays: 3,
      defaultMaxDays: 30,
      quotaBytes: 1e12,
      freeFloorBytes: 1,
    };
    const server = await buildApp({ ...base, recording }, { now: () => NOW });
    app = server;
    await server.ready();
    const tokens = await roleTokens(server, ALL_ROLES);
    const as: RecordingAdminFixture['as'] = (role, request) =>
      server.inject({
        ...request,
        headers: { ...request.headers, ...(role ? { authorization: `Bearer ${tokens[role]}` } : {}) },
      });

    const cameraA = await createApiCamera(as, 'Bang Pakong junction', 'แยกบางปะกง');
    const cameraB = await createApiCamera(as, 'Chachoengsao market', 'ตลาดฉะเชิงเทรา');

    let segmentNo = 0;
    return {
      app: server,
      tokens,
      recordingsDir: volume,
      cameraA,
      cameraB,
      as,
      insertSegment: async (cameraId, endedBefore, bytes, seconds = 10) => {
        const ended = at(endedBefore);
        const started = new Date(ended.getTime() - seconds * 1000);
        segmentNo++;
        await server.db.query(
          `INSERT INTO recording_segments (camera_id, started_at, ended_at, bytes, path, sha256, codec, width, height, init_bytes,
                                           worker_id, clock_source, indexed_at)
           VALUES ($1, $2, $3, $4, $5, $6, 'h264', 1280, 720, 800, 'w1', 'ntp', $3)`,
          [
            cameraId,
            started,
            ended,
            bytes,
            `${cameraId}/${started.toISOString().slice(0, 10)}/${segmentNo}.mp4`,
            'a'.repeat(64),
          ],
        );
      },
      count: async (table) =>
        (await server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n,
      lastAudit: async () =>
        (
          await server.db.query<AuditRow>(
            'SELECT action, target, username, detail FROM audit_log ORDER BY id DESC LIMIT 1',
          )
        ).rows[0]!,
      holdBody: (fields = {}) => ({
        cameraId: cameraA,
        from: at(2 * HOUR).toISOString(),
        to: at(HOUR).toISOString(),
        reason: 'อุบัติเหตุรถชน คดีที่ 123/2574 / Collision, case 123/2574',
        caseNumber: '123/2574',
        ...fields,
      }),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The fixture for the calling test file (see file-fixture.ts). */
export function useRecordingAdminFixture(): RecordingAdminFixture {
  return useFileFixture(startRecordingAdminFixture);
}
