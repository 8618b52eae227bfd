// OGC API - Features (Part 1: Core, GeoJSON): the landing page, conformance, collections and items that QGIS and
// GDAL read. Properties of a feature are open (each collection has its own).
import { Type, type Static } from 'typebox';
import { CrashFilterQuery } from './crash-filter.schema';

export const OgcLink = Type.Object({
  href: Type.String(),
  rel: Type.String(),
  type: Type.Optional(Type.String()),
  title: Type.Optional(Type.String()),
});
export type OgcLink = Static<typeof OgcLink>;

export const OgcLanding = Type.Object({
  title: Type.String(),
  description: Type.String(),
  links: Type.Array(OgcLink),
});

export const OgcConformance = Type.Object({ conformsTo: Type.Array(Type.String()) });

export const OgcCollection = Type.Object({
  id: Type.String(),
  title: Type.String(),
  description: Type.String(),
  itemType: Type.Literal('feature'),
  crs: Type.Array(Type.String()),
  extent: Type.Object({
    spatial: Type.Object({ bbox: Type.Array(Type.Array(Type.Number())), crs: Type.String() }),
    temporal: Type.Object({
      interval: Type.Array(Type.Array(Type.Union([Type.String(), Type.Null()]))),
      trs: Type.String(),
    }),
  }),
  links: Type.Array(OgcLink),
});
export type OgcCollection = Static<typeof OgcCollection>;

export const OgcCollections = Type.Object({
  collections: Type.Array(OgcCollection),
  links: Type.Array(OgcLink),
});

export const OgcFeature = Type.Object({
  type: Type.Literal('Feature'),
  id: Type.Union([Type.String(), Type.Integer()]),
  geometry: Type.Object({ type: Type.String(), coordinates: Type.Unknown() }),
  properties: Type.Record(Type.String(), Type.Unknown()),
  links: Type.Optional(Type.Array(OgcLink)),
});
export type OgcFeature = Static<typeof OgcFeature>;

export const OgcFeatureCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(OgcFeature),
  numberMatched: Type.Integer(),
  numberReturned: Type.Integer(),
  timeStamp: Type.String(),
  links: Type.Array(OgcLink),
});
export type OgcFeatureCollection = Static<typeof OgcFeatureCollection>;

/** `f`: the format (JSON only; accepted because clients send it). */
export const OgcFormat = Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('geojson')]));

export const OgcFormatQuery = Type.Object({ f: OgcFormat }, { additionalProperties: false });
export type OgcFormatQuery = Static<typeof OgcFormatQuery>;

/**
 * A collection's description: `f`, other parameters ignored. GDAL (so QGIS) sends a layer URL's query string — the
 * filter — with every request of the layer, the description's included.
 */
export const OgcCollectionQuery = Type.Object({ f: OgcFormat }, { additionalProperties: true });
export type OgcCollectionQuery = Static<typeof OgcCollectionQuery>;

/** The OGC paging and bbox parameters every collection's items take. */
export const OgcPagingProperties = {
  bbox: Type.Optional(
    Type.String({
      pattern: '^-?[0-9.]+,-?[0-9.]+,-?[0-9.]+,-?[0-9.]+$',
      description: 'minLon,minLat,maxLon,maxLat (WGS 84)',
    }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0 })),
  f: OgcFormat,
};

export const OgcItemsQuery = Type.Object(
  {
    ...CrashFilterQuery.properties,
    ...OgcPagingProperties,
    datetime: Type.Optional(
      Type.String({
        maxLength: 100,
        description: 'An RFC 3339 instant or interval (`start/end`, `..` open)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type OgcItemsQuery = Static<typeof OgcItemsQuery>;

export const OgcCollectionParams = Type.Object({ collectionId: Type.String({ pattern: '^[a-z-]{1,40}$' }) });
export type OgcCollectionParams = Static<typeof OgcCollectionParams>;

export const OgcItemParams = Type.Object({
  collectionId: Type.String({ pattern: '^[a-z-]{1,40}$' }),
  featureId: Type.String({ pattern: '^[0-9]{1,18}$' }),
});
export type OgcItemParams = Static<typeof OgcItemParams>;

/** A feature of a collection with its own route (the computed ones). */
export const OgcFeatureIdParams = Type.Object({ featureId: Type.String({ pattern: '^[0-9]{1,18}$' }) });
export type OgcFeatureIdParams = Static<typeof OgcFeatureIdParams>;
