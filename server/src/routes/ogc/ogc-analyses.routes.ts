// OGC API - Features items of the computed collections — the ranked road sections and the Gi* hot spots — each with
// the JSON API's parameters as query parameters, so QGIS opens an analysis as a layer. Static paths, so they take
// precedence over the crashes collection's /collections/:collectionId/items. Planners and admins only.
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import {
  ErrorReply,
  OgcCollectionQuery,
  OgcFeature,
  OgcFeatureCollection,
  OgcFeatureIdParams,
  OgcHotspotQuery,
  OgcHotspotsQuery,
  OgcRoadSectionQuery,
  OgcRoadSectionsQuery,
} from '../../schemas';
import { GEOJSON, JSON_SCHEMA, baseUrl, collectionPath, featureSchema } from '../../services/ogc-common';
import {
  HOTSPOTS_COLLECTION,
  HOTSPOTS_INFO,
  hotspotItem,
  hotspotItems,
} from '../../services/ogc-hotspots.service';
import {
  RANKING_SIZE,
  ROAD_SECTIONS_COLLECTION,
  ROAD_SECTIONS_INFO,
  roadSectionItem,
  roadSectionItems,
} from '../../services/ogc-road-sections.service';

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply };
const READERS = ['admin', 'planner'] as const;

const ogcAnalysisRoutes: FastifyPluginAsync = async (app) => {
  const config = { roles: READERS };
  const tags = ['ogc'];
  const sections = `${collectionPath(ROAD_SECTIONS_COLLECTION)}/items`;
  const hotspots = `${collectionPath(HOTSPOTS_COLLECTION)}/items`;

  // The features' JSON Schema (the collections' describedBy link): property types for GDAL and QGIS.
  for (const info of [ROAD_SECTIONS_INFO, HOTSPOTS_INFO])
    app.get<{ Querystring: OgcCollectionQuery }>(
      `${collectionPath(info.id)}/schema`,
      {
        config,
        schema: {
          tags,
          description: `JSON Schema of the ${info.id} features`,
          querystring: OgcCollectionQuery,
          response: { 200: Type.Record(Type.String(), Type.Unknown()), ...errors },
        },
      },
      async (_request, reply) => reply.type(JSON_SCHEMA).send(featureSchema(info)),
    );

  app.get<{ Querystring: OgcRoadSectionsQuery }>(
    sections,
    {
      config,
      schema: {
        tags,
        description:
          `The top ${RANKING_SIZE} road sections of the ranking (as /api/crashes/road-sections) as GeoJSON Points, ` +
          'paged by limit/offset within it; the feature id is the rank',
        querystring: OgcRoadSectionsQuery,
        response: { 200: OgcFeatureCollection, ...errors },
      },
    },
    async (request, reply) =>
      reply.type(GEOJSON).send(await roadSectionItems(app.db, baseUrl(request), request.query)),
  );

  app.get<{ Params: OgcFeatureIdParams; Querystring: OgcRoadSectionQuery }>(
    `${sections}/:featureId`,
    {
      config,
      schema: {
        tags,
        description:
          'The section at this rank of the ranking the parameters make (the default one without any)',
        params: OgcFeatureIdParams,
        querystring: OgcRoadSectionQuery,
        response: { 200: OgcFeature, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .type(GEOJSON)
        .send(await roadSectionItem(app.db, baseUrl(request), request.params.featureId, request.query)),
  );

  app.get<{ Querystring: OgcHotspotsQuery }>(
    hotspots,
    {
      config,
      schema: {
        tags,
        description:
          'The Gi* hexagons (as /api/crashes/hotspots) as GeoJSON Polygons, hottest first, paged by limit/offset; ' +
          'the feature id is the place in that order',
        querystring: OgcHotspotsQuery,
        response: { 200: OgcFeatureCollection, ...errors },
      },
    },
    async (request, reply) =>
      reply.type(GEOJSON).send(await hotspotItems(app.db, baseUrl(request), request.query)),
  );

  app.get<{ Params: OgcFeatureIdParams; Querystring: OgcHotspotQuery }>(
    `${hotspots}/:featureId`,
    {
      config,
      schema: {
        tags,
        description: 'The hexagon at this place of the hottest-first list the parameters make',
        params: OgcFeatureIdParams,
        querystring: OgcHotspotQuery,
        response: { 200: OgcFeature, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .type(GEOJSON)
        .send(await hotspotItem(app.db, baseUrl(request), request.params.featureId, request.query)),
  );
};

export default ogcAnalysisRoutes;
