// What the map search finds: cameras by Thai or English name, districts and sub-districts from the boundaries,
// imported villages, and major roads (the road data has no names, so a road is its class within a district).
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { Camera, Place } from '@toc/server/schemas';
import type { Language } from '../../i18n/i18n';
import { boundsOf, type Bounds } from '../geo/bounds';
import { booleanPointInPolygon } from '@turf/turf';

export const SEARCH_KINDS = ['camera', 'district', 'subdistrict', 'village', 'road'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface BilingualName {
  th: string;
  en: string;
}

/** The name in the UI language, or the other one when that is missing. */
export const nameIn = (name: BilingualName, language: Language): string => (language === 'th' ? name.th || name.en : name.en || name.th);

/** A point to close in on, or an area to fit (a district or sub-district also gives its outline to draw). */
export type SearchTarget = { center: [number, number]; zoom: number } | { bounds: Bounds; outline?: Polygon | MultiPolygon };

export interface SearchEntry {
  kind: SearchKind;
  key: string;
  name: BilingualName;
  /** Where it is: the district, when known. */
  context: BilingualName | null;
  target: SearchTarget;
  /** Normalised text the query is matched against: both names and common prefixes ("อำเภอ", "tambon"). */
  haystack: string;
}

export interface SearchSources {
  cameras: readonly Camera[];
  districts: FeatureCollection | null;
  subdistricts: FeatureCollection | null;
  roads: FeatureCollection | null;
  villages: readonly Place[];
  /** Names of the road classes in the data (`motorway`, `trunk`, `primary`), in both languages. */
  roadClassNames: Readonly<Record<string, BilingualName>>;
}

const CAMERA_ZOOM = 16;
const VILLAGE_ZOOM = 15;

/** Lower case, composed, Latin accents dropped (Thai marks are kept: they change the word), spaces collapsed. */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[.,;:()'"/\\-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const isArea = (geometry: Geometry | null): geometry is Polygon | MultiPolygon =>
  geometry?.type === 'Polygon' || geometry?.type === 'MultiPolygon';

function areaName(feature: Feature, level: 'ADM2' | 'ADM3'): BilingualName {
  return { th: text(feature.properties?.[`${level}_TH`]), en: text(feature.properties?.[`${level}_EN`]) };
}

function entry(kind: SearchKind, key: string, name: BilingualName, context: BilingualName | null, target: SearchTarget, aliases: string[] = []): SearchEntry {
  return { kind, key, name, context, target, haystack: normalise([name.th, name.en, ...aliases].join(' ')) };
}

function areaEntries(collection: FeatureCollection | null, kind: 'district' | 'subdistrict'): SearchEntry[] {
  const level = kind === 'district' ? 'ADM2' : 'ADM3';
  // How people write them: Thai prefixes join the name without a space.
  const aliases = (name: BilingualName) =>
    kind === 'district' ? [`อำเภอ${name.th}`, `amphoe ${name.en}`, 'district'] : [`ตำบล${name.th}`, `tambon ${name.en}`, 'sub district'];
  const entries: SearchEntry[] = [];
  for (const feature of collection?.features ?? []) {
    const bounds = boundsOf([feature.geometry]);
    const name = areaName(feature, level);
    if (!bounds || (!name.th && !name.en)) continue;
    const code = text(feature.properties?.[`${level}_PCODE`]) || `${name.en}-${entries.length}`;
    const context = kind === 'subdistrict' ? areaName(feature, 'ADM2') : null;
    const target = isArea(feature.geometry) ? { bounds, outline: feature.geometry } : { bounds };
    entries.push(entry(kind, `${kind}:${code}`, name, context, target, aliases(name)));
  }
  return entries;
}

/** Major roads grouped by class and the district their middle lies in, fitted to all of their segments. */
function roadEntries(sources: SearchSources): SearchEntry[] {
  const districts = (sources.districts?.features ?? []).filter((f) => isArea(f.geometry));
  const groups = new Map<string, { roadClass: string; district: Feature; geometries: Geometry[] }>();
  for (const road of sources.roads?.features ?? []) {
    const roadClass = text(road.properties?.class);
    if (road.geometry?.type !== 'LineString' || !sources.roadClassNames[roadClass]) continue;
    const middle = road.geometry.coordinates[Math.floor(road.geometry.coordinates.length / 2)];
    if (!middle) continue;
    const district = districts.find((d) => booleanPointInPolygon(middle, d.geometry as Polygon | MultiPolygon));
    if (!district) continue;
    const key = `road:${roadClass}:${text(district.properties?.ADM2_PCODE) || text(district.properties?.ADM2_EN)}`;
    const group = groups.get(key) ?? { roadClass, district, geometries: [] };
    group.geometries.push(road.geometry);
    groups.set(key, group);
  }
  const entries: SearchEntry[] = [];
  for (const [key, group] of groups) {
    const bounds = boundsOf(group.geometries);
    const className = sources.roadClassNames[group.roadClass]!;
    if (!bounds) continue;
    entries.push(entry('road', key, className, areaName(group.district, 'ADM2'), { bounds }, [group.roadClass]));
  }
  return entries;
}

export function buildSearchIndex(sources: SearchSources): SearchEntry[] {
  const cameras = sources.cameras.map((camera) =>
    entry('camera', `camera:${camera.id}`, { th: camera.nameTh, en: camera.name }, null, {
      center: [camera.location.lon, camera.location.lat],
      zoom: CAMERA_ZOOM,
    }),
  );
  const villages = sources.villages.map((place) =>
    entry(
      'village',
      `village:${place.id}`,
      { th: place.nameTh, en: place.name },
      place.district || place.districtTh ? { th: place.districtTh ?? place.district ?? '', en: place.district ?? place.districtTh ?? '' } : null,
      { center: [place.location.lon, place.location.lat], zoom: VILLAGE_ZOOM },
      ['หมู่บ้าน', 'village'],
    ),
  );
  return [...cameras, ...areaEntries(sources.districts, 'district'), ...areaEntries(sources.subdistricts, 'subdistrict'), ...villages, ...roadEntries(sources)];
}

/** How well a name matches: 0 starts with the query, 1 a word starts with it, 2 contains it elsewhere. */
function nameScore(entry: SearchEntry, query: string): number {
  let best = 2;
  for (const name of [entry.name.th, entry.name.en]) {
    const n = normalise(name);
    if (n.startsWith(query)) return 0;
    if (n.split(' ').some((word) => word.startsWith(query))) best = 1;
  }
  return best;
}

/** Entries containing every word of the query, best first: name match, then kind, then shorter names. */
export function searchPlaces(index: readonly SearchEntry[], query: string, limit = 8): SearchEntry[] {
  const q = normalise(query);
  if (!q) return [];
  const words = q.split(' ');
  return index
    .filter((e) => words.every((word) => e.haystack.includes(word)))
    .map((e) => ({ e, score: nameScore(e, q) * 10 + SEARCH_KINDS.indexOf(e.kind) }))
    .sort((a, b) => a.score - b.score || a.e.name.en.length - b.e.name.en.length)
    .slice(0, limit)
    .map(({ e }) => e);
}
