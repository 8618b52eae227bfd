// A MapLibre map to pick the place of the incident: a click puts the marker there; the uncertainty radius is drawn as
// a circle around it; a searched area is outlined. Built like the other maps (offline base style and basemap layers).
import 'maplibre-gl/dist/maplibre-gl.css';
import '../map/maplibre-worker';
import { Marker, type GeoJSONSource, type Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LonLat } from '@toc/server/schemas';
import { appConfig } from '../config/app.config';
import { createMap } from '../map/create-map';
import { circleRing } from '../map/geo/circle';
import { addBasemapLayers } from '../map/layers/basemap.layer';
import { loadBasemap } from '../map/load-basemap';
import { showTarget } from '../map/search/fly-to-target';
import type { SearchTarget } from '../map/search/search-index';

declare global {
  interface Window {
    /** Browser tests pick the place through this map (it is not the operator map in `__toc`). */
    __tocPlaceMap?: { map: MapLibreMap; ready: boolean };
  }
}

/** Chachoengsao city, where most requests are about. */
export const DEFAULT_CENTRE: LonLat = { lon: 101.07, lat: 13.69 };
const DEFAULT_ZOOM = 13;
/** Close enough to see which side of a junction the place is. */
const PLACE_ZOOM = 16;
const RADIUS_SOURCE = 'request-place-radius';

/** Where the map should go: a new object each time it is asked to (a camera chosen, coordinates typed, a search). */
export interface PlaceFocus {
  target: SearchTarget;
  /** Shown on a searched area's outline. */
  name: string;
}

export const pointFocus = (place: LonLat): PlaceFocus => ({ target: { center: [place.lon, place.lat], zoom: PLACE_ZOOM }, name: '' });

interface PlaceMapProps {
  place: LonLat | null;
  /** Metres; nothing is drawn without one. */
  radiusM: number | null;
  /** Changes when the map should fly somewhere, not on every click. */
  focus: PlaceFocus | null;
  onPick: (place: LonLat) => void;
}

export function PlaceMap({ place, radiusM, focus, onPick }: PlaceMapProps) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const onPickRef = useRef(onPick);
  useEffect(() => {
    onPickRef.current = onPick;
  });
  const initial = useRef(place);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const abort = new AbortController();
    const basemap = loadBasemap(abort.signal);
    const start = initial.current ?? DEFAULT_CENTRE;
    const instance = createMap(container, appConfig.map, {
      center: [start.lon, start.lat],
      zoom: initial.current ? PLACE_ZOOM : DEFAULT_ZOOM,
    });
    instance.on('click', (e) => onPickRef.current({ lon: e.lngLat.lng, lat: e.lngLat.lat }));
    window.__tocPlaceMap = { map: instance, ready: false };
    instance.once('load', () => {
      void basemap.then(({ data }) => {
        if (abort.signal.aborted) return;
        addBasemapLayers(instance, data);
        instance.addSource(RADIUS_SOURCE, {
          type: 'geojson',
          data: { type: 'FeatureCollection', features: [] },
        });
        instance.addLayer({
          id: `${RADIUS_SOURCE}-fill`,
          type: 'fill',
          source: RADIUS_SOURCE,
          paint: { 'fill-color': '#f59e0b', 'fill-opacity': 0.15 },
        });
        instance.addLayer({
          id: `${RADIUS_SOURCE}-line`,
          type: 'line',
          source: RADIUS_SOURCE,
          paint: { 'line-color': '#f59e0b', 'line-width': 2, 'line-dasharray': [3, 2] },
        });
        setMap(instance);
        window.__tocPlaceMap = { map: instance, ready: true };
      });
    });
    return () => {
      abort.abort();
      if (window.__tocPlaceMap?.map === instance) delete window.__tocPlaceMap;
      instance.remove();
      setMap(null);
    };
  }, []);

  useEffect(() => {
    const source = map?.getSource<GeoJSONSource>(RADIUS_SOURCE);
    if (!source) return;
    source.setData(
      place && radiusM
        ? { type: 'Polygon', coordinates: [circleRing(place, radiusM)] }
        : { type: 'FeatureCollection', features: [] },
    );
  }, [map, place, radiusM]);

  useEffect(() => {
    if (!map || !place) return;
    const element = document.createElement('div');
    element.className = 'request-place-marker';
    element.title = t('requests.place.marker');
    element.dataset.testid = 'request-place-marker';
    const marker = new Marker({ element }).setLngLat([place.lon, place.lat]).addTo(map);
    return () => void marker.remove();
  }, [map, place, t]);

  // Fly only when asked: a click already shows the place where the user looks.
  useEffect(() => {
    if (map && focus) showTarget(map, focus.target, focus.name);
  }, [map, focus]);

  return (
    <div className="request-place-map">
      <div
        ref={containerRef}
        className="request-place-canvas"
        role="region"
        aria-label={t('requests.place.mapLabel')}
        data-testid="request-form-map"
      />
    </div>
  );
}
