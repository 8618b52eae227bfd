// The collections the OGC API serves (crashes, ranked road sections, hot spots), described with the crash store's
// extent: the computed collections cover the same ground and period as the crashes they are made from.
import type { Queryable } from '../db/pool';
import { crashExtent } from '../repositories/crash-features.repository';
import type { OgcCollection } from '../schemas';
import { collectionDocument, type CollectionInfo } from './ogc-common';
import { CRASHES_INFO } from './ogc-features.service';
import { HOTSPOTS_INFO } from './ogc-hotspots.service';
import { ROAD_SECTIONS_INFO } from './ogc-road-sections.service';

const COLLECTIONS: readonly Omit<CollectionInfo, 'extent'>[] = [
  CRASHES_INFO,
  ROAD_SECTIONS_INFO,
  HOTSPOTS_INFO,
];

export async function ogcCollections(db: Queryable, base: string): Promise<OgcCollection[]> {
  const extent = await crashExtent(db);
  return COLLECTIONS.map((info) => collectionDocument(base, { ...info, extent }));
}

/** One collection's document, or null for an id the API does not serve. */
export async function ogcCollection(db: Queryable, base: string, id: string): Promise<OgcCollection | null> {
  const info = COLLECTIONS.find((collection) => collection.id === id);
  return info ? collectionDocument(base, { ...info, extent: await crashExtent(db) }) : null;
}
