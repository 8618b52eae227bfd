// Which district a point lies in, from the boundary polygons of the basemap (for the alarm feed's district filter).
import { bbox, booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { LonLat } from '@toc/server/schemas';

export interface District {
  code: string;
  name: string;
  nameTh: string;
}

export interface DistrictIndex {
  /** Sorted by English name. */
  districts: District[];
  /** The district's code, or null outside every district (or without a position). */
  districtOf: (location: LonLat | null) => string | null;
}

interface Area {
  district: District;
  box: number[];
  feature: Feature<Polygon | MultiPolygon>;
}

const isArea = (feature: Feature): feature is Feature<Polygon | MultiPolygon> =>
  feature.geometry?.type === 'Polygon' || feature.geometry?.type === 'MultiPolygon';

/** Reads the COD-AB district properties (ADM2_PCODE, ADM2_EN, ADM2_TH); features without them are skipped. */
export function createDistrictIndex(collection: FeatureCollection): DistrictIndex {
  const areas: Area[] = collection.features.filter(isArea).flatMap((feature) => {
    const p = feature.properties ?? {};
    if (typeof p.ADM2_PCODE !== 'string') return [];
    const district = { code: p.ADM2_PCODE, name: String(p.ADM2_EN ?? p.ADM2_PCODE), nameTh: String(p.ADM2_TH ?? p.ADM2_EN ?? p.ADM2_PCODE) };
    return [{ district, box: bbox(feature), feature }];
  });
  const cache = new Map<string, string | null>();
  return {
    districts: areas.map((a) => a.district).sort((a, b) => a.name.localeCompare(b.name)),
    districtOf(location) {
      if (!location) return null;
      const key = `${location.lon},${location.lat}`;
      let code = cache.get(key);
      if (code === undefined) {
        const point = [location.lon, location.lat];
        const hit = areas.find(
          ({ box, feature }) => point[0]! >= box[0]! && point[0]! <= box[2]! && point[1]! >= box[1]! && point[1]! <= box[3]! && booleanPointInPolygon(point, feature),
        );
        code = hit?.district.code ?? null;
        cache.set(key, code);
      }
      return code;
    },
  };
}
