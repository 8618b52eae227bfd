// The ranked road sections as an OGC API - Features collection: each sliding window of the ranking a Point (where its
// crashes are, on average: the ranking has no line geometry), its id the rank; pages and bbox within the ranking.
import type { Pool } from '../db/pool';
import { HttpError } from '../lib/http-error';
import type {
  OgcFeature,
  OgcFeatureCollection,
  OgcRoadSectionQuery,
  OgcRoadSectionsQuery,
  RoadSection,
  RoadSectionsQuery,
} from '../schemas';
import { roadSectionRanking } from './road-sections.service';
import {
  GEOJSON,
  collectionPath,
  itemsLinks,
  pageOf,
  readBbox,
  withParams,
  type Bbox,
  type CollectionInfo,
} from './ogc-common';

export const ROAD_SECTIONS_COLLECTION = 'road-sections';
/** The most sections a ranking lists (the JSON API's maximum); the collection pages within them. */
export const RANKING_SIZE = 500;

export const ROAD_SECTIONS_INFO = {
  id: ROAD_SECTIONS_COLLECTION,
  title: 'Ranked road sections / ช่วงถนนที่เกิดอุบัติเหตุสูง',
  description:
    'Road sections ranked by sliding window (network screening, the planners’ ranking): the top ' +
    `${RANKING_SIZE} windows for the crash filter and the ranking settings (lengthM, stepM, rankBy, weights, ` +
    'minCrashes, minDeaths, basis) given as query parameters; the feature id is the rank / ' +
    `ช่วงถนนเรียงตามความรุนแรงของอุบัติเหตุ ${RANKING_SIZE} อันดับแรกตามตัวกรองและค่าที่กำหนด รหัสคืออันดับ`,
  itemsTitle: 'Ranked road sections',
  // km-basis windows have fromKm/toKm and OSM-line ones fromM/toM (the others null): typed here, a first page of one
  // basis would make GDAL guess text for the other's.
  fields: {
    rank: 'integer',
    basis: 'string',
    roadCode: 'string',
    roadName: 'string',
    roadClass: 'string',
    fromKm: 'number',
    toKm: 'number',
    roadId: 'integer',
    fromM: 'number',
    toM: 'number',
    crashes: 'integer',
    deaths: 'integer',
    serious: 'integer',
    minor: 'integer',
    epdo: 'number',
    predicted: 'number',
    ebExpected: 'number',
    excess: 'number',
    crashesPerYear: 'number',
    years: 'string',
    yearsBe: 'string',
    blackSpot: 'boolean',
  },
} as const satisfies Omit<CollectionInfo, 'extent'>;

/** The ranking's own parameters: the query without the OGC paging, bbox and format. */
function rankingParameters(query: OgcRoadSectionsQuery | OgcRoadSectionQuery): RoadSectionsQuery {
  const { bbox: _bbox, limit: _limit, offset: _offset, f: _f, ...ranking } = query as OgcRoadSectionsQuery;
  return ranking;
}

function sectionFeature(section: RoadSection, base: string, ranking: RoadSectionsQuery): OgcFeature {
  return {
    type: 'Feature',
    id: section.rank,
    geometry: { type: 'Point', coordinates: [section.location.lon, section.location.lat] },
    properties: {
      rank: section.rank,
      basis: section.basis,
      roadCode: section.roadCode,
      roadName: section.roadName,
      roadClass: section.roadClass,
      fromKm: section.fromKm,
      toKm: section.toKm,
      roadId: section.roadId,
      fromM: section.fromM,
      toM: section.toM,
      crashes: section.crashes,
      deaths: section.deaths,
      serious: section.serious,
      minor: section.minor,
      epdo: section.epdo,
      predicted: section.predicted,
      ebExpected: section.ebExpected,
      excess: section.excess,
      crashesPerYear: section.crashesPerYear,
      // Comma lists, not arrays: QGIS shows each as one text attribute.
      years: section.years.join(','),
      yearsBe: section.yearsBe.join(','),
      blackSpot: section.blackSpot,
    },
    links: [
      {
        // The rank means something only in its ranking, so the link carries the ranking's parameters.
        href: withParams(
          base,
          `${collectionPath(ROAD_SECTIONS_COLLECTION)}/items/${section.rank}`,
          ranking,
          {},
        ),
        rel: 'self',
        type: GEOJSON,
      },
    ],
  };
}

const pointIn = (bbox: Bbox | undefined, [lon, lat]: number[]) =>
  !bbox || (lon! >= bbox[0] && lon! <= bbox[2] && lat! >= bbox[1] && lat! <= bbox[3]);

export async function roadSectionItems(
  db: Pool,
  base: string,
  query: OgcRoadSectionsQuery,
): Promise<OgcFeatureCollection> {
  // Read before the ranking: a bad bbox is a 400 without the cost of ranking.
  const bbox = query.bbox ? readBbox(query.bbox) : undefined;
  const ranking = rankingParameters(query);
  const { sections } = await roadSectionRanking(db, { ...ranking, limit: RANKING_SIZE });
  const features = sections.map((section) => sectionFeature(section, base, ranking));
  const { page, matched, offset, limit } = pageOf(
    features,
    (feature) => pointIn(bbox, feature.geometry.coordinates as number[]),
    query,
  );
  return {
    type: 'FeatureCollection',
    features: page,
    numberMatched: matched,
    numberReturned: page.length,
    timeStamp: new Date().toISOString(),
    links: itemsLinks(base, ROAD_SECTIONS_COLLECTION, query, {
      offset,
      limit,
      returned: page.length,
      matched,
    }),
  };
}

/** The section at this rank of the ranking the parameters make (the default ranking without any). */
export async function roadSectionItem(
  db: Pool,
  base: string,
  featureId: string,
  query: OgcRoadSectionQuery,
): Promise<OgcFeature> {
  const rank = Number(featureId);
  if (!(rank >= 1 && rank <= RANKING_SIZE))
    throw new HttpError(
      404,
      `Road section ${featureId} not found: the id is a rank from 1 to ${RANKING_SIZE}`,
      `ไม่พบช่วงถนน ${featureId}: รหัสคืออันดับ 1 ถึง ${RANKING_SIZE}`,
    );
  const ranking = rankingParameters(query);
  // The first `rank` sections of a ranking are the same whatever its length (its order is total).
  const { sections } = await roadSectionRanking(db, { ...ranking, limit: rank });
  const section = sections[rank - 1];
  if (!section)
    throw new HttpError(
      404,
      `Road section ${featureId} not found: the ranking these parameters make lists ${sections.length} sections`,
      `ไม่พบช่วงถนน ${featureId}: การจัดอันดับตามค่าที่ส่งมามีเพียง ${sections.length} ช่วง`,
    );
  return sectionFeature(section, base, ranking);
}
