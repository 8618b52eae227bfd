// Gives a GeoJSON source new data only when it differs from what it already shows.
import type { GeoJSON } from 'geojson';
import type { GeoJSONSource, MapLibreMap } from 'maplibre-gl';

/** What each source was last given, serialised; keyed by the source object, so a re-created source starts afresh. */
const shownBySource = new WeakMap<GeoJSONSource, string>();

/**
 * Every setData re-tiles the source in a worker and repaints the whole map (100–300 ms without a GPU), while the
 * stores behind the layers change far more often than what they draw: a camera's frame rate changes, its disc does
 * not. Returns whether the data was set.
 */
export function setSourceData(map: MapLibreMap, sourceId: string, data: GeoJSON): boolean {
  const source = map.getSource<GeoJSONSource>(sourceId);
  if (!source) return false;
  const serialised = JSON.stringify(data);
  if (shownBySource.get(source) === serialised) return false;
  shownBySource.set(source, serialised);
  void source.setData(data);
  return true;
}
