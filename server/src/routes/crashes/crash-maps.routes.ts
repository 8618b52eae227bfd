// The planners' crash maps: a hexagon heatmap and the crash points (clustered further out) as vector tiles, and
// DBSCAN hot-spot clusters as GeoJSON, all over the crash filter. Planners and admins only.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { readCheckedCrashFilter } from '../../crashes/checked-filter';
import { DEFAULT_EPDO_WEIGHTS, parseEpdoWeights } from '../../crashes/epdo';
import { HttpError } from '../../lib/http-error';
import { crashHeatmapTile, HEATMAP_LAYER } from '../../repositories/crash-heatmap.repository';
import { crashClusters } from '../../repositories/crash-maps.repository';
import { crashPointsTile, POINTS_LAYER } from '../../repositories/crash-points.repository';
import {
  CrashClusterCollection,
  CrashClusterQuery,
  CrashFilterQuery,
  CrashHeatmapQuery,
  ErrorReply,
  SINGLE_CRASH_ZOOM,
  TileParams,
  type Role,
} from '../../schemas';

const PLANNERS: readonly Role[] = ['admin', 'planner'];
const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply };
const MVT_TYPE = 'application/vnd.mapbox-vector-tile';
/** Tiles change only when crashes are imported: a minute saves the panning map's refetches, and stays fresh enough. */
const TILE_CACHE = 'private, max-age=60';
const defaultWeights = Object.entries(DEFAULT_EPDO_WEIGHTS)
  .map(([severity, weight]) => `${severity}:${weight}`)
  .join(',');

/** The schema bounds z; a column or row past the zoom's 2^z tiles is refused here. */
function checkTile({ z, x, y }: TileParams): void {
  const tiles = 2 ** z;
  if (x >= tiles || y >= tiles)
    throw new HttpError(
      400,
      `x and y must be below ${tiles} at zoom ${z}`,
      `x และ y ต้องน้อยกว่า ${tiles} ที่ระดับซูม ${z}`,
    );
}

/** A tile with its cache header; 204 and no body for an empty one. */
function sendTile(reply: FastifyReply, tile: Buffer) {
  reply.header('cache-control', TILE_CACHE);
  if (tile.length === 0) return reply.code(204).send();
  return reply.type(MVT_TYPE).send(tile);
}

const crashMapRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: TileParams; Querystring: CrashHeatmapQuery }>(
    '/api/crashes/heatmap/:z/:x/:y.mvt',
    {
      config: { roles: PLANNERS },
      schema: {
        tags: ['crashes'],
        summary: 'Crash heatmap tile: hexagons with their crash counts (Mapbox vector tile)',
        description:
          `A ${MVT_TYPE} tile (XYZ, Web Mercator) with one layer "${HEATMAP_LAYER}" of hexagons, about 12 across a ` +
          'tile at every zoom (the grid of ST_HexagonGrid in EPSG:3857). Each hexagon holds its filtered crashes: ' +
          'crashes, deaths, serious and minor (injured people), epdo (crashes weighted by their ' +
          `worst outcome; default weights ${defaultWeights}, the Highway Safety Manual cost ratios). A hexagon cut ` +
          'by the tile edge counts all its crashes, on both sides (the same figures in both tiles). 204 with no ' +
          'body when no crash matches.',
        params: TileParams,
        querystring: CrashHeatmapQuery,
        response: { 204: Type.Null({ description: 'No crash in the tile' }), ...errors },
      },
    },
    async (request, reply) => {
      checkTile(request.params);
      const weights = parseEpdoWeights(request.query.weights);
      const filter = await readCheckedCrashFilter(app.db, request.query);
      return sendTile(reply, await crashHeatmapTile(app.db, request.params, filter, weights));
    },
  );

  app.get<{ Params: TileParams; Querystring: CrashFilterQuery }>(
    '/api/crashes/points/:z/:x/:y.mvt',
    {
      config: { roles: PLANNERS },
      schema: {
        tags: ['crashes'],
        summary:
          'Crash points tile: each crash from zoom 14, clusters with their counts further out (vector tile)',
        description:
          `A ${MVT_TYPE} tile (XYZ, Web Mercator) with one layer "${POINTS_LAYER}" of points. From zoom ` +
          `${SINGLE_CRASH_ZOOM} each filtered crash is a point (feature id = crash id) with crashes 1, deaths, ` +
          'serious, minor, severity, source, year, occurred (Bangkok time), cause, crashType and roadName. Further ' +
          "out the crashes are clustered by hexagon cells about 48 across a tile, each drawn at its crashes' " +
          'centroid with crashes, deaths, serious, minor and the worst severity among them (in the one tile its ' +
          'centroid lies in). 204 with no body when no crash matches.',
        params: TileParams,
        querystring: CrashFilterQuery,
        response: { 204: Type.Null({ description: 'No crash in the tile' }), ...errors },
      },
    },
    async (request, reply) => {
      checkTile(request.params);
      const filter = await readCheckedCrashFilter(app.db, request.query);
      return sendTile(reply, await crashPointsTile(app.db, request.params, filter));
    },
  );

  app.get<{ Querystring: CrashClusterQuery }>(
    '/api/crashes/clusters',
    {
      config: { roles: PLANNERS },
      schema: {
        tags: ['crashes'],
        summary: 'Crash hot spots: DBSCAN clusters of the filtered crashes (GeoJSON)',
        description:
          'ST_ClusterDBSCAN over the filtered crashes in metres (UTM 47N): a crash with minPoints crashes within ' +
          'epsM (itself included) starts a cluster. Each cluster is a Feature: its convex hull (a 25 m buffer ' +
          'when its crashes lie on one line or point), its centroid, crashes, deaths, serious and minor (people), ' +
          `epdo (default weights ${defaultWeights}), years and the commonest cause. Highest EPDO first; ` +
          'clusterId is that rank. crashes, clusters and clusteredCrashes count everything found, beyond the limit.',
        querystring: CrashClusterQuery,
        response: { 200: CrashClusterCollection, ...errors },
      },
    },
    async (request) => {
      const weights = parseEpdoWeights(request.query.weights);
      const filter = await readCheckedCrashFilter(app.db, request.query);
      const { epsM, minPoints, limit } = request.query;
      return crashClusters(app.db, filter, weights, { epsM, minPoints, limit });
    },
  );
};

export default crashMapRoutes;
