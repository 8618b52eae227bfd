// The operator map: creates MapLibre once, adds the layers in order, and pushes store snapshots to them.
import 'maplibre-gl/dist/maplibre-gl.css';
import './maplibre-worker';
import { Map as MapLibreMap, NavigationControl, ScaleControl } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Camera, ElephantPath, Event, LonLat } from '@toc/server/schemas';
import type { MapConfig } from '../config/app.config';
import type { Language } from '../i18n/i18n';
import { addBasemapLayers } from './layers/basemap.layer';
import { addCamerasLayer, setCameras } from './layers/cameras.layer';
import { addDistrictLabels, type DistrictLabels } from './layers/district-labels.layer';
import { addElephantLayers, setElephantPaths, setElephantWarnings } from './layers/elephants.layer';
import { addEventsLayer, setEvents } from './layers/events.layer';
import { loadBasemap } from './load-basemap';
import { MapAttribution } from './map-attribution';
import { buildBaseStyle } from './map-style';
import { clearExposedMap, exposeMap } from './test-hooks';

export interface MapFocus {
  location: LonLat;
  /** Changes on every request, so asking twice for the same place flies there again. */
  key: number;
}

interface MapViewProps {
  config: MapConfig;
  language: Language;
  cameras: readonly Camera[];
  events: readonly Event[];
  elephantPaths: readonly ElephantPath[];
  focus: MapFocus | null;
}

const FOCUS_MIN_ZOOM = 13;

export function MapView({ config, language, cameras, events, elephantPaths, focus }: MapViewProps) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [basemapFailed, setBasemapFailed] = useState(false);
  const labelsRef = useRef<DistrictLabels | null>(null);
  // Read when the labels are created, which happens after an async load.
  const languageRef = useRef(language);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const abort = new AbortController();
    const basemap = loadBasemap(abort.signal);
    const instance = new MapLibreMap({
      container,
      style: buildBaseStyle(config),
      center: config.center,
      zoom: config.zoom,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
    });
    instance.addControl(new NavigationControl({ showCompass: false }), 'bottom-right');
    instance.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    exposeMap(instance, false);

    instance.once('load', () => {
      void basemap.then(({ data, failed }) => {
        if (abort.signal.aborted) return;
        addBasemapLayers(instance, data);
        labelsRef.current = addDistrictLabels(instance, data.districts, languageRef.current);
        addElephantLayers(instance);
        addCamerasLayer(instance);
        addEventsLayer(instance);
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
    languageRef.current = language;
    labelsRef.current?.setLanguage(language);
  }, [map, language]);

  useEffect(() => {
    if (!map || !focus) return;
    map.flyTo({ center: [focus.location.lon, focus.location.lat], zoom: Math.max(map.getZoom(), FOCUS_MIN_ZOOM) });
  }, [map, focus]);

  return (
    <div className="map-view">
      <div ref={containerRef} className="map-canvas" role="region" aria-label={t('map.label')} data-testid="map" />
      {basemapFailed && <div className="map-notice">{t('map.basemapFailed')}</div>}
      <MapAttribution tileAttribution={config.tileAttribution} />
    </div>
  );
}
