// The operator map: creates MapLibre once, adds the layers in order, and pushes store snapshots to them.
// Pages that only need the map pass the required props; the operator page adds live objects, crowd zones,
// layer switches and tools drawn over the map (children, with the map in context).
import 'maplibre-gl/dist/maplibre-gl.css';
import './maplibre-worker';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Camera, CrowdZoneCollection, ElephantPath, Event, LonLat } from '@toc/server/schemas';
import type { MapConfig } from '../config/app.config';
import type { Language } from '../i18n/i18n';
import type { TrackedObjectsStore } from '../state/tracked-objects.store';
import { addMapIcons } from './icons/map-icons';
import { ALL_VISIBLE, applyVisibility, type LayerVisibility } from './layer-groups';
import { addBasemapLayers, type BasemapData } from './layers/basemap.layer';
import { addBusRoutesLayer } from './layers/bus-routes.layer';
import { addBusStopsLayer } from './layers/bus-stops.layer';
import { addBusesLayer, setBuses, type BusPosition } from './layers/buses.layer';
import { addCamerasLayer, setCameras } from './layers/cameras.layer';
import { addCrashes24hLayer } from './layers/crashes-24h.layer';
import { addCrowdZonesLayer, setCrowdZones } from './layers/crowd-zones.layer';
import { addDistrictLabels, type DistrictLabels } from './layers/district-labels.layer';
import { addElephantLayers, setElephantPaths, setElephantWarnings } from './layers/elephants.layer';
import { addEventsLayer, setEvents } from './layers/events.layer';
import { addEventTracksLayer, setEventTracks } from './layers/event-tracks.layer';
import { addTrackedObjectsLayer, TrackedObjectsFeed } from './layers/tracked-objects.layer';
import { createMap } from './create-map';
import { loadBasemap } from './load-basemap';
import { MapAttribution } from './map-attribution';
import { MapContext } from './map-context';
import { clearExposedMap, exposeMap } from './test-hooks';
import type { Bounds } from './geo/bounds';

export interface MapFocus {
  location: LonLat;
  /** Changes on every request, so asking twice for the same place flies there again. */
  key: number;
  /** The area to show whole (an elephant warning's circle and places); without it, the map flies to the location. */
  bounds?: Bounds;
}

interface MapViewProps {
  config: MapConfig;
  language: Language;
  cameras: readonly Camera[];
  events: readonly Event[];
  elephantPaths: readonly ElephantPath[];
  focus: MapFocus | null;
  /** Live tracked objects; the layer follows the store directly (no React render per update). */
  trackedObjects?: TrackedObjectsStore;
  crowdZones?: CrowdZoneCollection | null;
  /** Buses to draw, for pages that hold them; the operator map feeds the layer itself (BusesOnMap). */
  buses?: readonly BusPosition[];
  /** The opened event: the ground paths of its tracks are drawn. */
  openedEvent?: Event | null;
  /** Which layer groups are shown (all when not given). */
  layers?: LayerVisibility;
  /** Tools drawn over the map; they reach the map through `useMapContext`. */
  children?: ReactNode;
}

const FOCUS_MIN_ZOOM = 13;

export function MapView({
  config,
  language,
  cameras,
  events,
  elephantPaths,
  focus,
  trackedObjects,
  crowdZones,
  buses,
  openedEvent = null,
  layers = ALL_VISIBLE,
  children,
}: MapViewProps) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [basemap, setBasemap] = useState<BasemapData | null>(null);
  const [basemapFailed, setBasemapFailed] = useState(false);
  const labelsRef = useRef<DistrictLabels | null>(null);
  const feedRef = useRef<TrackedObjectsFeed | null>(null);
  // Read when the labels are created, which happens after an async load.
  const languageRef = useRef(language);
  const layersRef = useRef(layers);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const abort = new AbortController();
    const basemapLoad = loadBasemap(abort.signal);
    const instance = createMap(container, config, {
      center: config.center,
      zoom: config.zoom,
      // Every icon may overlap, so symbol fades buy nothing, and with live objects they would keep the map
      // repainting without pause.
      fadeDuration: 0,
    });
    exposeMap(instance, false);

    instance.once('load', () => {
      void basemapLoad.then(({ data, failed }) => {
        if (abort.signal.aborted) return;
        addMapIcons(instance);
        addBasemapLayers(instance, data);
        labelsRef.current = addDistrictLabels(instance, data.districts, languageRef.current);
        // Bottom to top: areas, then markers, with events (what operators act on) above everything.
        addCrowdZonesLayer(instance);
        addElephantLayers(instance);
        addBusRoutesLayer(instance);
        addCamerasLayer(instance);
        addBusStopsLayer(instance);
        addBusesLayer(instance);
        addTrackedObjectsLayer(instance);
        addCrashes24hLayer(instance);
        addEventTracksLayer(instance);
        addEventsLayer(instance);
        applyVisibility(instance, layersRef.current);
        labelsRef.current.setVisible(layersRef.current.boundaries);
        setBasemap(data);
        setBasemapFailed(failed);
        setMap(instance);
        exposeMap(instance, true);
      });
    });

    return () => {
      abort.abort();
      labelsRef.current?.remove();
      labelsRef.current = null;
      clearExposedMap(instance);
      instance.remove();
      setMap(null);
      setBasemap(null);
    };
  }, [config]);

  useEffect(() => {
    if (map) setCameras(map, cameras);
  }, [map, cameras]);

  useEffect(() => {
    if (!map) return;
    setEvents(map, events);
    setElephantWarnings(map, events);
  }, [map, events]);

  useEffect(() => {
    if (map) setElephantPaths(map, elephantPaths);
  }, [map, elephantPaths]);

  useEffect(() => {
    if (map) setCrowdZones(map, crowdZones ?? null);
  }, [map, crowdZones]);

  useEffect(() => {
    // Only when given: the operator map feeds its buses from a child (BusesOnMap), whose effects run first.
    if (map && buses) setBuses(map, buses);
  }, [map, buses]);

  useEffect(() => {
    if (map) setEventTracks(map, openedEvent);
  }, [map, openedEvent]);

  useEffect(() => {
    if (!map || !trackedObjects) return;
    const feed = new TrackedObjectsFeed(map, trackedObjects, layersRef.current.objects);
    feedRef.current = feed;
    return () => {
      feed.dispose();
      feedRef.current = null;
    };
  }, [map, trackedObjects]);

  useEffect(() => {
    layersRef.current = layers;
    if (!map) return;
    applyVisibility(map, layers);
    labelsRef.current?.setVisible(layers.boundaries);
    feedRef.current?.setVisible(layers.objects);
  }, [map, layers]);

  useEffect(() => {
    languageRef.current = language;
    labelsRef.current?.setLanguage(language);
  }, [map, language]);

  useEffect(() => {
    if (!map || !focus) return;
    if (focus.bounds) map.fitBounds(focus.bounds, { padding: 60 });
    else map.flyTo({ center: [focus.location.lon, focus.location.lat], zoom: Math.max(map.getZoom(), FOCUS_MIN_ZOOM) });
  }, [map, focus]);

  const context = useMemo(() => ({ map, basemap }), [map, basemap]);

  return (
    <div className="map-view">
      <div ref={containerRef} className="map-canvas" role="region" aria-label={t('map.label')} data-testid="map" />
      {basemapFailed && <div className="map-notice">{t('map.basemapFailed')}</div>}
      <MapContext.Provider value={context}>{children}</MapContext.Provider>
      <MapAttribution tileAttribution={config.tileAttribution} />
    </div>
  );
}
