// A small map around the camera for calibration: click the place a picture point shows; pairs are numbered markers.
import 'maplibre-gl/dist/maplibre-gl.css';
import '../map/maplibre-worker';
import type { FeatureCollection } from 'geojson';
import { Marker, type GeoJSONSource, type LngLatBoundsLike, type Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LonLat } from '@toc/server/schemas';
import { appConfig } from '../config/app.config';
import { createMap } from '../map/create-map';
import { loadBasemap } from '../map/load-basemap';
import { addBasemapLayers } from '../map/layers/basemap.layer';
import { fovCone } from '../map/geo/fov-cone';

declare global {
  interface Window {
    /** Browser tests place map points through this map (it is not the operator map in `__toc`). */
    __tocCalibrationMap?: { map: MapLibreMap; ready: boolean };
  }
}

/** Close enough to tell lane markings apart (about 0.6 m per pixel at this latitude). */
const CAMERA_ZOOM = 18;
/** How far the view wedge reaches: about as far as a road camera's calibration points usually go. */
const CONE_RANGE_M = 120;
const CONE_SOURCE = 'calib-view-cone';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

interface CalibrationMapProps {
  camera: LonLat;
  /** The camera's heading and field of view, drawn as a wedge so one knows where the picture's points lie. */
  headingDeg: number;
  fovDeg: number;
  /** Ground points of the pairs, numbered 1… in order. */
  points: readonly LonLat[];
  /** The map point of the next pair, placed before its picture point. */
  pending: LonLat | null;
  /** Map clicks, when placing points is allowed. */
  onPick?: (ground: LonLat) => void;
  /** Dragging a numbered marker moves that pair's ground point. */
  onMove?: (index: number, ground: LonLat) => void;
}

function markerElement(className: string, text: string, title: string): HTMLElement {
  const element = document.createElement('div');
  element.className = className;
  element.textContent = text;
  element.title = title;
  return element;
}

export function CalibrationMap({ camera, headingDeg, fovDeg, points, pending, onPick, onMove }: CalibrationMapProps) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  // Handlers change every render; the map's listeners read the latest through refs.
  const onPickRef = useRef(onPick);
  const onMoveRef = useRef(onMove);
  useEffect(() => {
    onPickRef.current = onPick;
    onMoveRef.current = onMove;
  });
  const initialRef = useRef({ camera, points });
  const movable = Boolean(onMove);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const abort = new AbortController();
    const basemap = loadBasemap(abort.signal);
    const { camera: start, points: saved } = initialRef.current;
    const instance = createMap(container, appConfig.map, { center: [start.lon, start.lat], zoom: CAMERA_ZOOM });
    if (saved.length > 0) {
      const lons = [start.lon, ...saved.map((p) => p.lon)];
      const lats = [start.lat, ...saved.map((p) => p.lat)];
      const bounds: LngLatBoundsLike = [
        [Math.min(...lons), Math.min(...lats)],
        [Math.max(...lons), Math.max(...lats)],
      ];
      instance.fitBounds(bounds, { padding: 50, maxZoom: 19, duration: 0 });
    }
    instance.on('click', (e) => onPickRef.current?.({ lon: e.lngLat.lng, lat: e.lngLat.lat }));
    window.__tocCalibrationMap = { map: instance, ready: false };
    instance.once('load', () => {
      void basemap.then(({ data }) => {
        if (abort.signal.aborted) return;
        addBasemapLayers(instance, data);
        instance.addSource(CONE_SOURCE, { type: 'geojson', data: EMPTY });
        instance.addLayer({ id: `${CONE_SOURCE}-fill`, type: 'fill', source: CONE_SOURCE, paint: { 'fill-color': '#38bdf8', 'fill-opacity': 0.12 } });
        instance.addLayer({ id: `${CONE_SOURCE}-line`, type: 'line', source: CONE_SOURCE, paint: { 'line-color': '#38bdf8', 'line-width': 1.5, 'line-dasharray': [3, 2] } });
        setMap(instance);
        window.__tocCalibrationMap = { map: instance, ready: true };
      });
    });
    return () => {
      abort.abort();
      if (window.__tocCalibrationMap?.map === instance) delete window.__tocCalibrationMap;
      instance.remove();
      setMap(null);
    };
  }, []);

  useEffect(() => {
    const source = map?.getSource<GeoJSONSource>(CONE_SOURCE);
    source?.setData({ type: 'Polygon', coordinates: [fovCone(camera, headingDeg, fovDeg, CONE_RANGE_M)] });
  }, [map, camera, headingDeg, fovDeg]);

  useEffect(() => {
    if (!map) return;
    const marker = new Marker({ element: markerElement('calib-camera-marker', '', t('setup.calib.cameraHere')) })
      .setLngLat([camera.lon, camera.lat])
      .addTo(map);
    return () => void marker.remove();
  }, [map, camera.lon, camera.lat, t]);

  useEffect(() => {
    if (!map) return;
    const markers = points.map((point, index) => {
      const marker = new Marker({
        element: markerElement('calib-marker', String(index + 1), t('setup.calib.pairNumber', { n: index + 1 })),
        draggable: movable,
      })
        .setLngLat([point.lon, point.lat])
        .addTo(map);
      marker.getElement().dataset.testid = 'calib-map-marker';
      marker.on('dragend', () => {
        const { lng, lat } = marker.getLngLat();
        onMoveRef.current?.(index, { lon: lng, lat });
      });
      return marker;
    });
    if (pending) {
      const marker = new Marker({ element: markerElement('calib-marker pending', String(points.length + 1), t('setup.calib.pending')) })
        .setLngLat([pending.lon, pending.lat])
        .addTo(map);
      markers.push(marker);
    }
    return () => markers.forEach((marker) => marker.remove());
  }, [map, points, pending, movable, t]);

  return (
    <div className={`calibration-map${onPick ? ' placing' : ''}`}>
      <div ref={containerRef} className="calibration-map-canvas" role="region" aria-label={t('setup.calib.mapLabel')} data-testid="calibration-map" />
    </div>
  );
}
