// `npm start` (demo): once the cameras have recorded a little, the demo police officer files a footage request for
// the place the first camera watches, picks the finder's best camera, and the demo operator approves it, so the
// police page shows a request exporting, then a package ready to download, within a minute. Runs once per database.
import { Redis } from 'ioredis';
import { loadConfig } from '../config';
import { channelNames } from '../realtime/channel-names';
import { findUserByUsername } from '../repositories/users.repository';
import { findFootage } from '../services/camera-finder/find-footage';
import { fileOnlineRequest } from '../services/footage-requests/file-request.service';
import { chooseCameras, decideRequest } from '../services/footage-requests/request-decisions.service';
import type { RequestContext } from '../services/footage-requests/request-context';
import { BullRequestJobs } from '../services/footage-requests/request-jobs';
import type { SessionUser } from '../schemas';
import { createPool } from './pool';

const CASE_NUMBER = 'DEMO-2569-0001';
/** Footage the demo request asks for: the last stretch the cameras have recorded. */
const WINDOW_S = 40;
const WAIT_LIMIT_S = 180;

const config = loadConfig();
const db = createPool(config.databaseUrl, 2);
const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2 });
const jobs = new BullRequestJobs(config.redisUrl, config.queuePrefix);

async function sessionUser(username: string): Promise<SessionUser> {
  const user = await findUserByUsername(db, username);
  if (!user) throw new Error(`demo user ${username} is missing (seed first)`);
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    station: user.station,
    mustChangePassword: false,
  };
}

/** The first demo camera with WINDOW_S seconds recorded up to now, and where it looks. */
async function recordedCamera(): Promise<{ id: number; lon: number; lat: number; to: Date } | null> {
  const { rows } = await db.query<{ id: number; lon: number; lat: number; to: Date }>(
    `SELECT c.id, ST_X(c.location) AS lon, ST_Y(c.location) AS lat, max(s.ended_at) AS to
       FROM cameras c JOIN recording_segments s ON s.camera_id = c.id
      WHERE s.started_at > now() - interval '10 minutes'
      GROUP BY c.id HAVING max(s.ended_at) - min(s.started_at) >= make_interval(secs => $1)
      ORDER BY c.id LIMIT 1`,
    [WINDOW_S + 5],
  );
  return rows[0] ?? null;
}

try {
  const { rows } = await db.query('SELECT 1 FROM footage_requests WHERE case_number = $1', [CASE_NUMBER]);
  if (rows.length) {
    console.log('demo footage request already filed');
  } else {
    let camera = await recordedCamera();
    for (let waited = 0; !camera && waited < WAIT_LIMIT_S; waited += 5) {
      await new Promise((resolve) => setTimeout(resolve, 5000));
      camera = await recordedCamera();
    }
    if (!camera)
      throw new Error(`no camera recorded ${WINDOW_S} s within ${WAIT_LIMIT_S} s; no demo request`);
    const police = await sessionUser('police');
    const operator = await sessionUser('operator');
    const to = camera.to;
    const from = new Date(to.getTime() - WINDOW_S * 1000);
    // The place a few metres in front of the camera, as an officer would click it.
    const place = { lon: camera.lon + 0.0002, lat: camera.lat - 0.0001 };
    const base = {
      db,
      redis,
      channels: channelNames(config.queuePrefix),
      client: { ip: null, userAgent: 'demo' },
      now: new Date(),
      evidence: config.evidence,
      jobs,
    };
    const asPolice: RequestContext = { ...base, user: police };
    const id = await fileOnlineRequest(asPolice, {
      caseNumber: CASE_NUMBER,
      station: police.station!,
      officerName: 'ร.ต.อ. สมชาย ใจดี (demo)',
      officerRank: 'ร.ต.อ.',
      officerId: '0000000001',
      officerPhone: '038-511-000',
      legalBasis: 'ประมวลกฎหมายวิธีพิจารณาความอาญา มาตรา 132 / Criminal Procedure Code s.132',
      reason: 'รถชนกันที่แยก (ข้อมูลสาธิต) / collision at the junction (demo data)',
      place,
      placeLabel: 'Demo: in front of camera 1 / หน้ากล้องที่ 1',
      from: from.toISOString(),
      to: to.toISOString(),
    });
    const found = await findFootage(db, { place, window: { from, to } });
    const best = found.cameras.find((c) => c.coverage.fraction > 0) ?? found.cameras[0];
    await chooseCameras(asPolice, id, {
      cameras: [{ cameraId: best?.cameraId ?? camera.id, from: from.toISOString(), to: to.toISOString() }],
    });
    await decideRequest({ ...base, user: operator, now: new Date() }, id, {
      decision: 'approve',
      note: 'demo',
    });
    console.log(`demo footage request ${id} filed and approved; the camera worker exports it`);
  }
} finally {
  await jobs.close();
  await redis.quit();
  await db.end();
}
