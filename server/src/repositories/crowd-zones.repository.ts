// SQL for the map's crowd zones: crowd-area zones of calibrated cameras with each zone's latest count.
import type { Queryable } from '../db/pool';
import type { ImagePoint, LonLat } from '../schemas';

export interface CrowdZoneRow {
  zoneId: number;
  cameraId: number;
  name: string;
  nameTh: string;
  polygon: ImagePoint[];
  alertAbove: number | null;
  homography: number[];
  origin: LonLat;
  at: Date | null;
  countMean: number | null;
  countMax: number | null;
  density: number | null;
}

export async function listCalibratedCrowdZones(db: Queryable): Promise<CrowdZoneRow[]> {
  const { rows } = await db.query<{
    id: number;
    camera_id: number;
    name: string;
    name_th: string;
    polygon: ImagePoint[];
    alert_above: number | null;
    homography: number[];
    lon: number;
    lat: number;
    at: Date | null;
    count_mean: number | null;
    count_max: number | null;
    density: number | null;
  }>(
    // The latest sample per zone comes from the (zone_id, at) primary key, newest first.
    `SELECT z.id, z.camera_id, z.name, z.name_th, z.polygon, z.alert_above, c.homography,
            ST_X(c.origin) AS lon, ST_Y(c.origin) AS lat, s.at, s.count_mean, s.count_max, s.density
       FROM camera_zones z
       JOIN camera_calibrations c ON c.camera_id = z.camera_id
       LEFT JOIN LATERAL (
         SELECT at, count_mean, count_max, density FROM crowd_counts WHERE zone_id = z.id ORDER BY at DESC LIMIT 1
       ) s ON true
      WHERE z.kind = 'crowd_area'
      ORDER BY z.camera_id, z.position`,
  );
  return rows.map((r) => ({
    zoneId: r.id,
    cameraId: r.camera_id,
    name: r.name,
    nameTh: r.name_th,
    polygon: r.polygon,
    alertAbove: r.alert_above,
    homography: r.homography,
    origin: { lon: r.lon, lat: r.lat },
    at: r.at,
    countMean: r.count_mean,
    countMax: r.count_max,
    density: r.density,
  }));
}
