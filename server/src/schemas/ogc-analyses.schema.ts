// OGC API - Features query strings of the computed collections: the road-section ranking and the Gi* hot spots take
// the JSON API's parameters (without its `limit`, which here pages), plus bbox, limit and offset.
import { Type, type Static } from 'typebox';
import { CrashHotspotQuery } from './crash-hotspots.schema';
import { RoadSectionsQuery } from './crash-rankings.schema';
import { OgcFormat, OgcPagingProperties } from './ogc.schema';

// The JSON API's `limit` is the ranking's or grid's size; the OGC one is a page's, so it is left out here.
const { limit: _sectionsLimit, ...rankingProperties } = RoadSectionsQuery.properties;
const { limit: _hotspotsLimit, ...hotspotProperties } = CrashHotspotQuery.properties;

export const OgcRoadSectionsQuery = Type.Object(
  { ...rankingProperties, ...OgcPagingProperties },
  { additionalProperties: false },
);
export type OgcRoadSectionsQuery = Static<typeof OgcRoadSectionsQuery>;

/** One ranked section: its rank in the ranking these parameters make (the default ranking without any). */
export const OgcRoadSectionQuery = Type.Object(
  { ...rankingProperties, f: OgcFormat },
  { additionalProperties: false },
);
export type OgcRoadSectionQuery = Static<typeof OgcRoadSectionQuery>;

export const OgcHotspotsQuery = Type.Object(
  { ...hotspotProperties, ...OgcPagingProperties },
  { additionalProperties: false },
);
export type OgcHotspotsQuery = Static<typeof OgcHotspotsQuery>;

/** One hexagon: its place in the hottest-first list these parameters make. */
export const OgcHotspotQuery = Type.Object(
  { ...hotspotProperties, f: OgcFormat },
  { additionalProperties: false },
);
export type OgcHotspotQuery = Static<typeof OgcHotspotQuery>;
