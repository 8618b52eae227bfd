// Demo data for Chachoengsao: cameras on real major roads bound to the simulated streams, one user per role.
import type { Pool } from './pool';
import type { LonLat, Role } from '../schemas';
import { listCameras, insertCamera, updateCamera } from '../repositories/cameras.repository';
import { upsertUser } from '../repositories/users.repository';
import { hashPassword } from '../services/passwords';
import { loadRoads, snapToRoad, type RoadClass } from './road-snap';

interface DemoCamera {
  name: string;
  nameTh: string;
  /** Approximate place; snapped to the nearest vertex of `road` when given. */
  near: LonLat;
  road: RoadClass | null;
  headingDeg: number;
  fovDeg: number;
  stream: string;
}

/** A demo camera further than this from its road means the place or the data is wrong. */
const MAX_SNAP_KM = 3;

export const DEMO_CAMERAS: DemoCamera[] = [
  {
    name: 'Route 304, Mueang Chachoengsao',
    nameTh: 'ทางหลวง 304 อำเภอเมืองฉะเชิงเทรา',
    near: { lon: 101.06, lat: 13.70 },
    road: 'trunk',
    headingDeg: 80,
    fovDeg: 60,
    stream: 'odc_street_traffic_640x360_30fps',
  },
  {
    name: 'Motorway 7, Bang Pakong',
    nameTh: 'มอเตอร์เวย์สาย 7 อำเภอบางปะกง',
    near: { lon: 100.98, lat: 13.52 },
    road: 'motorway',
    headingDeg: 110,
    fovDeg: 70,
    stream: 'odc_street_traffic_640x360_30fps',
  },
  {
    name: 'Route 304, Phanom Sarakham',
    nameTh: 'ทางหลวง 304 อำเภอพนมสารคาม',
    near: { lon: 101.36, lat: 13.74 },
    road: 'trunk',
    headingDeg: 60,
    fovDeg: 60,
    stream: 'odc_street_traffic_640x360_30fps',
  },
  {
    // The major-roads layer has nothing this far east: the camera stands in Tha Takiap town itself.
    name: 'Tha Takiap town, towards Khao Ang Rue Nai',
    nameTh: 'ตัวอำเภอท่าตะเกียบ ทางไปเขาอ่างฤๅไน',
    near: { lon: 101.659, lat: 13.444 },
    road: null,
    headingDeg: 180,
    fovDeg: 60,
    stream: 'odc_street_traffic_640x360_30fps',
  },
  {
    name: 'Wat Sothon market plaza',
    nameTh: 'ลานตลาดวัดโสธรวรารามวรวิหาร',
    near: { lon: 101.0757, lat: 13.6786 },
    road: null,
    headingDeg: 200,
    fovDeg: 75,
    stream: 'opencv_vtest',
  },
];

export const DEMO_USERS: { username: string; displayName: string; role: Role }[] = [
  { username: 'admin', displayName: 'System Administrator / ผู้ดูแลระบบ', role: 'admin' },
  { username: 'operator', displayName: 'Command Center Operator / เจ้าหน้าที่ศูนย์สั่งการ', role: 'operator' },
  { username: 'police', displayName: 'Police Officer / เจ้าหน้าที่ตำรวจ', role: 'police' },
  { username: 'planner', displayName: 'Traffic Planner / นักวางแผนจราจร', role: 'planner' },
  { username: 'viewer', displayName: 'Viewer / ผู้ชม', role: 'viewer' },
];

export interface SeedOptions {
  rtspBase: string;
  sharedDir: string;
  passwords: Record<string, string>;
}

export async function seedDemo(pool: Pool, options: SeedOptions): Promise<void> {
  for (const user of DEMO_USERS) {
    const password = options.passwords[user.username];
    if (!password) throw new Error(`No demo password given for ${user.username}`);
    await upsertUser(pool, { ...user, passwordHash: await hashPassword(password) });
  }
  const roads = await loadRoads(options.sharedDir);
  const existing = new Map((await listCameras(pool)).map((c) => [c.name, c]));
  for (const demo of DEMO_CAMERAS) {
    const fields = {
      name: demo.name,
      nameTh: demo.nameTh,
      location: demo.road ? snapToRoad(roads, demo.near, demo.road, MAX_SNAP_KM) : demo.near,
      headingDeg: demo.headingDeg,
      fovDeg: demo.fovDeg,
      rtspUrl: `${options.rtspBase.replace(/\/$/, '')}/${demo.stream}`,
    };
    const current = existing.get(demo.name);
    if (current) await updateCamera(pool, current.id, fields);
    else await insertCamera(pool, { ...fields, enabled: true });
  }
}
