// Names a position after its sub-district (Chachoengsao tambon polygons) or, outside the province, its district.
import { pointInPolygon } from '../../geometry/plane';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LonLat } from '../geodesy';

interface Area {
  th: string;
  en: string;
  rings: LonLat[][];
  bbox: [number, number, number, number];
}

type Polygonal =
  { type: 'Polygon'; coordinates: LonLat[][] } | { type: 'MultiPolygon'; coordinates: LonLat[][][] };
interface Boundaries {
  features: Array<{ properties: Record<string, string>; geometry: Polygonal }>;
}

function toAreas(boundaries: Boundaries, level: 'ADM3' | 'ADM2'): Area[] {
  return boundaries.features.map((f) => {
    const rings =
      f.geometry.type === 'Polygon' ? [f.geometry.coordinates[0]!] : f.geometry.coordinates.map((p) => p[0]!);
    const all = rings.flat();
    return {
      th: f.properties[`${level}_TH`]!,
      en: f.properties[`${level}_EN`]!,
      rings,
      bbox: [
        Math.min(...all.map((c) => c[0])),
        Math.min(...all.map((c) => c[1])),
        Math.max(...all.map((c) => c[0])),
        Math.max(...all.map((c) => c[1])),
      ],
    };
  });
}

export type AreaNamer = (at: LonLat) => { th: string; en: string };

export async function loadAreaNamer(sharedDir: string): Promise<AreaNamer> {
  const read = async (file: string) =>
    JSON.parse(await readFile(path.join(sharedDir, 'data', 'boundaries', file), 'utf8')) as Boundaries;
  const tambons = toAreas(await read('chachoengsao_tambon_ocha_L2.geojson'), 'ADM3');
  const districts = toAreas(await read('th_amphoe_ocha_simplified_L1.geojson'), 'ADM2');
  const within = (areas: Area[], at: LonLat) =>
    areas.find(
      (a) =>
        at[0] >= a.bbox[0] &&
        at[0] <= a.bbox[2] &&
        at[1] >= a.bbox[1] &&
        at[1] <= a.bbox[3] &&
        // Outer rings only: holes do not matter for naming a bus stop.
        a.rings.some((r) => pointInPolygon(at, r)),
    );
  return (at) => {
    const area = within(tambons, at) ?? within(districts, at);
    return area ? { th: area.th, en: area.en } : { th: 'ฉะเชิงเทรา', en: 'Chachoengsao' };
  };
}
