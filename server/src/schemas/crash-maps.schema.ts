// The planners' crash maps: hexagon heatmap vector tiles and DBSCAN hot-spot clusters, both over the crash filter.
import { Type, type Static } from 'typebox';
import { CrashFilterQuery } from './crash-filter.schema';
import { LonLat } from './common.schema';

/** From this zoom (a tile about 2.4 km across) the crash points tile has each crash on its own, not clusters. */
export const SINGLE_CRASH_ZOOM = 14;

/** The deepest zoom a heatmap tile is made for (hexagons about 3 m across there). */
export const MAX_TILE_ZOOM = 20;

const SEVERITY = '(fatal|serious|minor|damage_only)';
const WEIGHT = '[0-9]{1,6}(\\.[0-9]{1,6})?';

/** Checked in full (range, repeats) by parseEpdoWeights, whose defaults the operations' descriptions state. */
const weights = Type.Optional(
  Type.String({
    pattern: `^${SEVERITY}:${WEIGHT}(,${SEVERITY}:${WEIGHT}){0,3}$`,
    description:
      "EPDO weights by a crash's worst outcome, e.g. fatal:100,serious:10 (0–100000; a class left out keeps its default)",
  }),
);

export const TileParams = Type.Object(
  {
    z: Type.Integer({ minimum: 0, maximum: MAX_TILE_ZOOM, description: 'Zoom, 0–20' }),
    x: Type.Integer({ minimum: 0, maximum: 2 ** MAX_TILE_ZOOM - 1, description: 'Column, 0 to 2^z − 1' }),
    y: Type.Integer({
      minimum: 0,
      maximum: 2 ** MAX_TILE_ZOOM - 1,
      description: 'Row from the top, 0 to 2^z − 1',
    }),
  },
  { additionalProperties: false },
);
export type TileParams = Static<typeof TileParams>;

export const CrashHeatmapQuery = Type.Object(
  { ...CrashFilterQuery.properties, weights },
  { additionalProperties: false },
);
export type CrashHeatmapQuery = Static<typeof CrashHeatmapQuery>;

export const CrashClusterQuery = Type.Object(
  {
    ...CrashFilterQuery.properties,
    weights,
    epsM: Type.Number({
      minimum: 10,
      maximum: 5000,
      default: 500,
      description: 'DBSCAN distance in metres: crashes this close are neighbours (10–5000, default 500)',
    }),
    minPoints: Type.Integer({
      minimum: 2,
      maximum: 1000,
      default: 3,
      description:
        'Crashes within epsM a crash needs (itself included) to start a cluster (2–1000, default 3)',
    }),
    limit: Type.Integer({
      minimum: 1,
      maximum: 2000,
      default: 200,
      description: 'Clusters returned, highest EPDO first (1–2000, default 200)',
    }),
  },
  { additionalProperties: false },
);
export type CrashClusterQuery = Static<typeof CrashClusterQuery>;

export const CrashClusterProperties = Type.Object({
  /** 1 for the cluster with the highest EPDO. */
  clusterId: Type.Integer({ description: 'Rank by EPDO, 1 = highest' }),
  crashes: Type.Integer(),
  deaths: Type.Integer(),
  serious: Type.Integer({ description: 'Seriously injured people' }),
  minor: Type.Integer({ description: 'Slightly injured people' }),
  epdo: Type.Number(),
  years: Type.Array(Type.Integer(), { description: 'Years with a crash in the cluster, ascending' }),
  topCause: Type.Union([Type.String(), Type.Null()], {
    description: 'The most frequent known cause code (null when no crash has one)',
  }),
  centroid: LonLat,
});
export type CrashClusterProperties = Static<typeof CrashClusterProperties>;

const Position = Type.Array(Type.Number(), { minItems: 2, maxItems: 2 });

export const CrashCluster = Type.Object({
  type: Type.Literal('Feature'),
  id: Type.Integer(),
  geometry: Type.Object(
    {
      type: Type.Literal('Polygon'),
      coordinates: Type.Array(Type.Array(Position)),
    },
    {
      description:
        "The crashes' convex hull; a 25 m buffer round the crashes when they lie on one line or point",
    },
  ),
  properties: CrashClusterProperties,
});
export type CrashCluster = Static<typeof CrashCluster>;

export const CrashClusterCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(CrashCluster),
  /** Foreign members (RFC 7946 §6.1): what the clusters were found among, and how many there are beyond the limit. */
  crashes: Type.Integer({ description: 'Crashes the filter selected' }),
  clusters: Type.Integer({ description: 'Clusters found (features holds the first `limit`)' }),
  clusteredCrashes: Type.Integer({ description: 'Crashes in any cluster (the rest are noise)' }),
});
export type CrashClusterCollection = Static<typeof CrashClusterCollection>;
