// Live tracked objects on the ground (placed by each camera's calibration), in the class colour: at street zoom an
// arrow turned to the heading (a dot while it is unknown), further out a plain dot — the arrow would be a few
// pixels there, and dots cost no symbol placement, which matters with thousands of objects. Fed from the
// tracked-objects store; one source update at a time, at most once a second, with everything that arrived
// meanwhile merged into it (latest wins per camera).
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { GeoJSONSource, MapLibreMap } from 'maplibre-gl';
import type { TrackedObject } from '@toc/server/schemas';
import type { CameraObjects, TrackedObjectsStore } from '../../state/tracked-objects.store';
import { objectIconId } from '../icons/map-icons';
import { OBJECT_CLASS_COLORS, OBJECT_OTHER_COLOR, matchProperty } from '../palette';
import { noteObjectsApplied, noteObjectsPushed } from '../test-hooks';
import { paceLiveUpdate } from './live-update-pacer';

export const TRACKED_OBJECTS_LAYER_ID = 'tracked-objects-symbol';
export const TRACKED_OBJECTS_DOTS_ID = 'tracked-objects-dots';
export const TRACKED_OBJECT_LAYER_IDS = [TRACKED_OBJECTS_DOTS_ID, TRACKED_OBJECTS_LAYER_ID] as const;
const SOURCE_ID = 'tracked-objects';
/** From this zoom on, objects are arrows; below it, dots. */
export const ARROW_MIN_ZOOM = 12;

/** Only what drawing needs: every property is copied to the map's worker on each update. */
export interface TrackedObjectProperties {
  id: string;
  label: string;
  icon: string;
  heading: number;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export function objectToFeature(object: TrackedObject): Feature<Point, TrackedObjectProperties> {
  const colourKey = object.label in OBJECT_CLASS_COLORS ? object.label : 'other';
  const heading = object.headingDeg;
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [object.lon, object.lat] },
    properties: {
      id: object.id,
      label: object.label,
      icon: objectIconId(heading === null ? 'dot' : 'arrow', colourKey),
      heading: heading ?? 0,
    },
  };
}

export function addTrackedObjectsLayer(map: MapLibreMap): void {
  // Overzoomed past 14: point positions stay exact to well under a metre, and deep zooms cost no extra tiling.
  map.addSource(SOURCE_ID, { type: 'geojson', data: EMPTY, maxzoom: 14 });
  map.addLayer({
    id: TRACKED_OBJECTS_DOTS_ID,
    type: 'circle',
    source: SOURCE_ID,
    maxzoom: ARROW_MIN_ZOOM,
    paint: {
      'circle-color': matchProperty('label', OBJECT_CLASS_COLORS, OBJECT_OTHER_COLOR),
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 1.5, ARROW_MIN_ZOOM, 4],
      'circle-stroke-color': '#0b1220',
      'circle-stroke-width': 0.5,
    },
  });
  map.addLayer({
    id: TRACKED_OBJECTS_LAYER_ID,
    type: 'symbol',
    source: SOURCE_ID,
    minzoom: ARROW_MIN_ZOOM,
    layout: {
      'icon-image': ['get', 'icon'],
      'icon-rotate': ['get', 'heading'],
      'icon-rotation-alignment': 'map',
      'icon-size': ['interpolate', ['linear'], ['zoom'], ARROW_MIN_ZOOM, 0.7, 16, 1.1],
      // Thousands of moving icons: no collision work, every object is drawn.
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
    },
  });
}

/**
 * Keeps the layer's source in step with the store, on the map's live beats (see live-update-pacer). Features are
 * built once per camera message and reused until that camera sends again, so a flush touching a few cameras does
 * not rebuild thousands of objects.
 */
export class TrackedObjectsFeed {
  private readonly featuresOf = new WeakMap<CameraObjects, Feature<Point, TrackedObjectProperties>[]>();
  private readonly applied = new WeakSet<CameraObjects>();
  private inFlight = false;
  private queued = false;
  private dirty = false;
  private disposed = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly map: MapLibreMap,
    private readonly store: TrackedObjectsStore,
    private visible = true,
  ) {
    this.unsubscribe = store.subscribe(() => this.schedule());
    this.schedule();
  }

  /** A hidden layer is not updated; showing it again brings it up to date at once. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible) this.schedule();
  }

  dispose(): void {
    this.disposed = true;
    this.unsubscribe();
  }

  /** Marks the source out of date and pushes on the map's next live beat; changes meanwhile merge in. */
  private schedule(): void {
    this.dirty = true;
    if (this.inFlight || !this.visible || this.disposed || this.queued) return;
    this.queued = true;
    paceLiveUpdate(this.map, SOURCE_ID, () => {
      this.queued = false;
      if (this.dirty && this.visible && !this.disposed) void this.push();
    });
  }

  private async push(): Promise<void> {
    const source = this.map.getSource<GeoJSONSource>(SOURCE_ID);
    if (!source || this.disposed) return;
    this.inFlight = true;
    this.dirty = false;
    const startedAt = performance.now();
    const cameras = [...this.store.get().byCamera.values()];
    const features: Feature<Point, TrackedObjectProperties>[] = [];
    for (const entry of cameras) {
      let built = this.featuresOf.get(entry);
      if (!built) {
        built = entry.objects.map(objectToFeature);
        this.featuresOf.set(entry, built);
      }
      for (const feature of built) features.push(feature);
    }
    try {
      const done = source.setData({ type: 'FeatureCollection', features });
      noteObjectsPushed(features.length, performance.now() - startedAt);
      await done;
      const fresh = cameras.filter((entry) => !this.applied.has(entry));
      fresh.forEach((entry) => this.applied.add(entry));
      noteObjectsApplied(fresh, Date.now());
    } catch (error) {
      if (!this.disposed) console.warn('tracked objects: source update failed', error);
    } finally {
      this.inFlight = false;
    }
    if (this.dirty) this.schedule();
  }
}
