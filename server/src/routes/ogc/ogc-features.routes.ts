// OGC API - Features for the crash store, so QGIS and GDAL open the crashes directly: landing page, conformance,
// collections, items (bbox, datetime, limit/offset paging and every planners' filter) and single items. Planners and
// admins only, with the same sign-in token as the app (QGIS: an "API header" authentication). The computed
// collections' items (road sections, hot spots) are in ogc-analyses.routes.ts.
import type { FastifyPluginAsync } from 'fastify';
import { notFound } from '../../lib/http-error';
import { ogcCollection, ogcCollections } from '../../services/ogc-collections.service';
import { CONFORMANCE, OGC_ROOT, baseUrl } from '../../services/ogc-common';
import {
  CRASHES_COLLECTION,
  crashItem,
  crashItems,
  isKnownCollection,
} from '../../services/ogc-features.service';
import {
  ErrorReply,
  OgcCollection,
  OgcCollectionParams,
  OgcCollectionQuery,
  OgcCollections,
  OgcConformance,
  OgcFeature,
  OgcFeatureCollection,
  OgcFormatQuery,
  OgcItemParams,
  OgcItemsQuery,
  OgcLanding,
} from '../../schemas';

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply };
const READERS = ['admin', 'planner'] as const;
const GEOJSON = 'application/geo+json';

const unknownCollection = (id: string) => notFound(`Collection ${id}`, `ชุดข้อมูล ${id}`);

const ogcFeatureRoutes: FastifyPluginAsync = async (app) => {
  const config = { roles: READERS };
  const tags = ['ogc'];

  app.get<{ Querystring: OgcFormatQuery }>(
    OGC_ROOT,
    { config, schema: { tags, querystring: OgcFormatQuery, response: { 200: OgcLanding, ...errors } } },
    async (request) => {
      const base = baseUrl(request);
      return {
        title: 'Traffic operations center — crash data / ข้อมูลอุบัติเหตุ',
        description: 'OGC API - Features of the crash store / บริการข้อมูลอุบัติเหตุตามมาตรฐาน OGC API - Features',
        links: [
          { href: `${base}${OGC_ROOT}`, rel: 'self', type: 'application/json' },
          {
            href: `${base}/docs/json`,
            rel: 'service-desc',
            type: 'application/vnd.oai.openapi+json;version=3.0',
          },
          { href: `${base}${OGC_ROOT}/conformance`, rel: 'conformance', type: 'application/json' },
          { href: `${base}${OGC_ROOT}/collections`, rel: 'data', type: 'application/json' },
        ],
      };
    },
  );

  app.get<{ Querystring: OgcFormatQuery }>(
    `${OGC_ROOT}/conformance`,
    { config, schema: { tags, querystring: OgcFormatQuery, response: { 200: OgcConformance, ...errors } } },
    async () => ({ conformsTo: CONFORMANCE }),
  );

  app.get<{ Querystring: OgcFormatQuery }>(
    `${OGC_ROOT}/collections`,
    { config, schema: { tags, querystring: OgcFormatQuery, response: { 200: OgcCollections, ...errors } } },
    async (request) => {
      const base = baseUrl(request);
      return {
        collections: await ogcCollections(app.db, base),
        links: [{ href: `${base}${OGC_ROOT}/collections`, rel: 'self', type: 'application/json' }],
      };
    },
  );

  app.get<{ Params: OgcCollectionParams; Querystring: OgcCollectionQuery }>(
    `${OGC_ROOT}/collections/:collectionId`,
    {
      config,
      schema: {
        tags,
        params: OgcCollectionParams,
        querystring: OgcCollectionQuery,
        response: { 200: OgcCollection, ...errors },
      },
    },
    async (request) => {
      const collection = await ogcCollection(app.db, baseUrl(request), request.params.collectionId);
      if (!collection) throw unknownCollection(request.params.collectionId);
      return collection;
    },
  );

  app.get<{ Params: OgcCollectionParams; Querystring: OgcItemsQuery }>(
    `${OGC_ROOT}/collections/:collectionId/items`,
    {
      config,
      schema: {
        tags,
        description: `Crashes as GeoJSON (${CRASHES_COLLECTION}); numberMatched counts every match, links page on`,
        params: OgcCollectionParams,
        querystring: OgcItemsQuery,
        response: { 200: OgcFeatureCollection, ...errors },
      },
    },
    async (request, reply) => {
      if (!isKnownCollection(request.params.collectionId))
        throw unknownCollection(request.params.collectionId);
      const items = await crashItems(app.db, baseUrl(request), request.query);
      return reply.type(GEOJSON).send(items);
    },
  );

  app.get<{ Params: OgcItemParams; Querystring: OgcFormatQuery }>(
    `${OGC_ROOT}/collections/:collectionId/items/:featureId`,
    {
      config,
      schema: {
        tags,
        params: OgcItemParams,
        querystring: OgcFormatQuery,
        response: { 200: OgcFeature, ...errors },
      },
    },
    async (request, reply) => {
      if (!isKnownCollection(request.params.collectionId))
        throw unknownCollection(request.params.collectionId);
      const feature = await crashItem(app.db, baseUrl(request), request.params.featureId);
      if (!feature) throw notFound(`Crash ${request.params.featureId}`, `อุบัติเหตุ ${request.params.featureId}`);
      return reply.type(GEOJSON).send(feature);
    },
  );
};

export default ogcFeatureRoutes;
