// Snaps a point to the nearest vertex of a road of a given class, so demo cameras stand on real roads.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LonLat } from '../schemas';

interface RoadFeature {
  properties: { class?: string };
  geometry: { type: 'LineString' | 'MultiLineString'; coordinates: number[][] | number[][][] };
}

export type RoadClass = 'motorway' | 'trunk' | 'primary';

export async function loadRoads(sharedDir: string): Promise<RoadFeature[]> {
  const file = path.join(sharedDir, 'data', 'roads', 'eec_roads_osm_major.geojson');
  return (JSON.parse(await readFile(file, 'utf8')) as { features: RoadFeature[] }).features;
}

export function snapToRoad(roads: RoadFeature[], near: LonLat, roadClass: RoadClass, maxKm: number): LonLat {
  let best: LonLat | null = null;
  let bestDistance = Infinity;
  const cosLat = Math.cos((near.lat * Math.PI) / 180);
  for (const road of roads) {
    if (road.properties.class !== roadClass) continue;
    const lines = (road.geometry.type === 'LineString' ? [road.geometry.coordinates] : road.geometry.coordinates) as number[][][];
    for (const [lon = 0, lat = 0] of lines.flat()) {
      const distance = ((lon - near.lon) * cosLat) ** 2 + (lat - near.lat) ** 2;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = { lon, lat };
      }
    }
  }
  const km = Math.sqrt(bestDistance) * 111.32;
  if (!best || km > maxKm) {
    throw new Error(`No ${roadClass} road within ${maxKm} km of ${near.lon},${near.lat} (nearest ${km.toFixed(1)} km)`);
  }
  return best;
}
