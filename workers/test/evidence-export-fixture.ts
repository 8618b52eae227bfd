// The evidence export tests' server over two cameras' recorded footage, its workers, webhooks and officer's socket.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import { buildApp } from '@toc/server/app';
import { RECORDINGS_MARKER } from '@toc/server/recording-config';
import { loadSigningKey } from '@toc/server/lib/evidence-signing-key';
import { upsertUser } from '@toc/server/repositories/users.repository';
import { hashPassword } from '@toc/server/services/passwords';
import type { FootageRequest, FootageRequestChange, Role } from '@toc/server/schemas';
import { createTestSchema, roleTokens, testConfig, TEST_STATION } from '@toc/server/testing';
import { useFileFixture } from '@toc/server/testing/file-fixture';
import { startEvidenceExportWorker } from '../src/export/evidence-export.worker';
import { createLetterPrinter, type LetterPrinter } from '../src/export/letter-printer';
import { startRecordingEndpoint, type RecordingEndpoint } from '../src/notify/recording-endpoint';
import { startRequestNoticeWorker } from '../src/notify/request-notices.worker';
import { indexRecordedSegment, recordStreetClip, type IndexedSegment } from './recorded-footage';

/** Wall clock of the first recorded frame; the server's clock is pinned an hour later (the footage is past). */
export const T0 = Date.parse('2031-03-14T01:00:00.000Z');
const NOW = new Date(T0 + 3_600_000);
const SEGMENT_S = 4;
export const iso = (ms: number) => new Date(ms).toISOString();
const PLACE = { lon: 101.0705, lat: 13.6902 };

/** An officer's request form for a crash at the junction, with fields overridden. */
export const form = (overrides: Record<string, unknown> = {}) => ({
  caseNumber: 'คดีอาญาที่ 123/2574',
  station: TEST_STATION,
  officerName: 'ร.ต.อ. สมชาย ใจดี',
  officerRank: 'ร.ต.อ.',
  officerId: '1234567890',
  officerPhone: '081-234-5678',
  legalBasis: 'ประมวลกฎหมายวิธีพิจารณาความอาญา มาตรา 132',
  reason: 'รถจักรยานยนต์ชนกับรถยนต์ที่ทางแยก / motorcycle and car collided at the junction',
  place: PLACE,
  placeLabel: 'แยกหน้าศาลากลาง',
  from: iso(T0 + 2_000),
  to: iso(T0 + 70_000),
  ...overrides,
});

/** Every role, and two more officers: 'police2' of the same station, 'police3' of another (สภ.บางปะกง). */
export type Who = Role | 'police2' | 'police3';

export interface EvidenceExportFixture {
  /** The server, listening at `baseUrl`, with its recordings and evidence inside `root`. */
  app: FastifyInstance;
  root: string;
  baseUrl: string;
  tokens: Record<Who, string>;
  /** Camera A: 24 s, offline 20 s, 12 s more (its segments in order). Camera B: 20 s. */
  cameraA: number;
  cameraB: number;
  segmentsA: IndexedSegment[];
  /** Every footage request change the officer ('police') heard on the socket. */
  changes: FootageRequestChange[];
  /** The webhook of the officer's station (at `/station`) and of the other station (at `/other-station`). */
  stationHook: RecordingEndpoint;
  /** A request as `who` (null: anonymous). */
  as: (who: Who | null, request: InjectOptions) => Promise<LightMyRequestResponse>;
  /** The request as `who` (the operator unless told) sees it; fails the test unless it is found. */
  request: (id: number, who?: Who) => Promise<FootageRequest>;
  /** The request once `predicate` holds of it, or as it is after `ms`. */
  waitFor: (id: number, predicate: (r: FootageRequest) => boolean, ms: number) => Promise<FootageRequest>;
  close: () => Promise<void>;
}

/**
 * A server on a fresh schema with its clock pinned an hour after T0, tokens for every role and two more officers, two
 * cameras with recorded street footage indexed from T0, the real evidence export and request notice workers, each
 * station's webhook for traffic accidents, and the officer's socket listening for footage request changes.
 */
export async function startEvidenceExportFixture(): Promise<EvidenceExportFixture> {
  let schema: Awaited<ReturnType<typeof createTestSchema>> | undefined;
  let root: string | undefined;
  let app: FastifyInstance | undefined;
  let worker: Worker | undefined;
  let letters: LetterPrinter | undefined;
  let redis: Redis | undefined;
  let officerSocket: Socket | undefined;
  let stationHook: RecordingEndpoint | undefined;
  let notices: Worker | undefined;
  const close = async () => {
    officerSocket?.close();
    await worker?.close();
    await notices?.close();
    await stationHook?.close();
    await letters?.close();
    await redis?.quit();
    await app?.close();
    await schema?.drop();
    if (root) await rm(root, { recursive: true, force: true });
  };
  try {
    schema = await createTestSchema();
    root = await mkdtemp(path.join(tmpdir(), 'toc-evidence-'));
    const recordingsDir = path.join(root, 'recordings');
    await mkdir(recordingsDir);
    await writeFile(path.join(recordingsDir, RECORDINGS_MARKER), '');
    // The stations' webhooks are local endpoints: allow-listed, as NOTIFY_ALLOWED_HOSTS would on premises.
    const config = testConfig(schema.databaseUrl, { notifyAllowedHosts: ['127.0.0.1'] });
    const evidence = {
      ...config.evidence,
      dir: path.join(root, 'evidence'),
      signingKeyFile: path.join(root, 'evidence', 'signing-key.pem'),
      createSigningKey: true,
    };
    const server = await buildApp(
      { ...config, recording: { ...config.recording, dir: recordingsDir }, evidence },
      { now: () => NOW },
    );
    app = server;
    await server.listen({ host: '127.0.0.1', port: 0 });
    const address = server.server.address();
    const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    const signIn = async (username: string, station: string) => {
      await upsertUser(server.db, {
        username,
        displayName: username,
        role: 'police',
        passwordHash: await hashPassword('pw-x'),
        station,
      });
      const reply = await server.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: 'pw-x' },
      });
      return reply.json<{ token: string }>().token;
    };
    const tokens: Record<Who, string> = {
      ...(await roleTokens(server, ['admin', 'operator', 'police', 'planner', 'viewer'])),
      police2: await signIn('police2', TEST_STATION),
      police3: await signIn('police3', 'สภ.บางปะกง'),
    };
    const as: EvidenceExportFixture['as'] = (who, request) =>
      server.inject({
        ...request,
        headers: { ...request.headers, ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}) },
      });

    const request: EvidenceExportFixture['request'] = async (id, who = 'operator') => {
      const reply = await as(who, { method: 'GET', url: `/api/footage-requests/${id}` });
      expect(reply.statusCode, reply.body).toBe(200);
      return reply.json<FootageRequest>();
    };
    const waitFor: EvidenceExportFixture['waitFor'] = async (id, predicate, ms) => {
      const end = Date.now() + ms;
      for (;;) {
        const current = await request(id);
        if (predicate(current) || Date.now() > end) return current;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    };

    const camera = async (name: string, location: { lon: number; lat: number }, headingDeg: number) => {
      const reply = await as('admin', {
        method: 'POST',
        url: '/api/cameras',
        payload: {
          name,
          nameTh: `กล้อง${name}`,
          location,
          headingDeg,
          fovDeg: 70,
          rtspUrl: 'rtsp://127.0.0.1:9/c',
          enabled: false,
        },
      });
      expect(reply.statusCode, reply.body).toBe(201);
      return reply.json<{ id: number }>().id;
    };
    const cameraA = await camera('City Hall Junction', { lon: 101.0701, lat: 13.6899 }, 45);
    const cameraB = await camera('Market Road', { lon: 101.0712, lat: 13.6905 }, 250);

    // Camera A: 24 s, offline 20 s, 12 s more. Camera B: 20 s.
    const segmentsA: IndexedSegment[] = [];
    const recorded = await recordStreetClip(path.join(root, 'incoming'), 36, SEGMENT_S);
    let wall = T0;
    for (const [index, file] of recorded.entries()) {
      if (index === 6) wall += 20_000;
      const indexed = await indexRecordedSegment(server.db, recordingsDir, cameraA, file, wall);
      segmentsA.push(indexed);
      wall = indexed.endedAt;
    }
    const recordedB = await recordStreetClip(path.join(root, 'incoming-b'), 20, SEGMENT_S);
    wall = T0;
    for (const file of recordedB)
      wall = (await indexRecordedSegment(server.db, recordingsDir, cameraB, file, wall)).endedAt;

    const key = await loadSigningKey(evidence.signingKeyFile, { createIfMissing: false });
    redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
    letters = createLetterPrinter();
    worker = startEvidenceExportWorker(
      {
        db: server.db,
        redis,
        channels: server.channels,
        jobs: server.requestJobs,
        evidence,
        recordingsDir,
        key,
        letters,
        workingCopies: false,
        software: { name: 'traffic-operations-center', version: 'test' },
        now: () => NOW,
        log: () => undefined,
      },
      { url: config.redisUrl, prefix: config.queuePrefix },
    );
    // The station's webhook (a local endpoint, allow-listed as NOTIFY_ALLOWED_HOSTS would) and another station's.
    const hook = await startRecordingEndpoint(() => ({ status: 200, body: '{}' }));
    stationHook = hook;
    for (const [station, target] of [
      [TEST_STATION, `${hook.url}/station`],
      ['สภ.บางปะกง', `${hook.url}/other-station`],
    ]) {
      const reply = await as('admin', {
        method: 'POST',
        url: '/api/notification-targets',
        payload: {
          channel: 'webhook',
          target,
          audience: 'police',
          station,
          eventTypes: ['traffic.accident'],
        },
      });
      expect(reply.statusCode, reply.body).toBe(201);
    }
    notices = startRequestNoticeWorker(
      {
        db: server.db,
        config: {
          webhookUrls: [],
          lineTargets: [],
          allowedHosts: ['127.0.0.1'],
          publicUrl: 'http://toc.test',
        },
        log: () => undefined,
      },
      { url: config.redisUrl, prefix: config.queuePrefix },
    );
    const changes: FootageRequestChange[] = [];
    const socket = io(baseUrl, { auth: { token: tokens.police }, transports: ['websocket'] });
    officerSocket = socket;
    socket.on('footage.request', (change: FootageRequestChange) => changes.push(change));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });

    return {
      app: server,
      root,
      baseUrl,
      tokens,
      cameraA,
      cameraB,
      segmentsA,
      changes,
      stationHook: hook,
      as,
      request,
      waitFor,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The fixture for the calling test file (see file-fixture.ts). */
export function useEvidenceExportFixture(): EvidenceExportFixture {
  return useFileFixture(startEvidenceExportFixture, 180_000);
}
