// Crowd zones on the ground: each zone's image polygon projected through its camera's calibration, with the
// latest count and its density per m² (recomputed from the ground area when the sample predates calibration).
import type { Queryable } from '../db/pool';
import { imageToGround, polygonGroundAreaM2 } from '../geometry/calibration';
import { listCalibratedCrowdZones, type CrowdZoneRow } from '../repositories/crowd-zones.repository';
import type { CrowdZoneCollection, CrowdZoneFeature } from '../schemas';

/** A sample older than this no longer describes the crowd: the map greys the zone. */
export const CROWD_SAMPLE_STALE_MS = 5 * 60_000;

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** The zone as a GeoJSON feature, or null when part of it lies at or beyond the horizon (no finite ground shape). */
export function crowdZoneFeature(row: CrowdZoneRow, now: number): CrowdZoneFeature | null {
  const calibration = { homography: row.homography, origin: row.origin };
  const ring: [number, number][] = [];
  for (const point of row.polygon) {
    const ground = imageToGround(calibration, point);
    if (!ground) return null;
    ring.push([round(ground.lon, 7), round(ground.lat, 7)]);
  }
  const areaM2 = polygonGroundAreaM2(calibration, row.polygon);
  if (ring.length < 3 || !areaM2) return null;
  ring.push(ring[0]!);
  // Samples taken before the camera was calibrated carry a count but no density per m².
  const density = row.density ?? (row.countMean === null ? null : row.countMean / areaM2);
  return {
    type: 'Feature',
    id: row.zoneId,
    geometry: { type: 'Polygon', coordinates: [ring] },
    properties: {
      zoneId: row.zoneId,
      cameraId: row.cameraId,
      name: row.name,
      nameTh: row.nameTh,
      areaM2: round(areaM2, 1),
      count: row.countMean,
      countMax: row.countMax,
      density: density === null ? null : round(density, 4),
      at: row.at ? row.at.toISOString() : null,
      stale: !row.at || now - row.at.getTime() > CROWD_SAMPLE_STALE_MS,
      alertAbove: row.alertAbove,
    },
  };
}

export async function listCrowdZones(db: Queryable, now = Date.now()): Promise<CrowdZoneCollection> {
  const rows = await listCalibratedCrowdZones(db);
  const features = rows.map((row) => crowdZoneFeature(row, now)).filter((f): f is CrowdZoneFeature => f !== null);
  return { type: 'FeatureCollection', features };
}
