// Cameras: a disc coloured by live status with a camera pictogram (struck through when it delivers nothing),
// and the field of view as a wedge from the camera's heading and FOV.
import type { FeatureCollection, Point, Polygon } from 'geojson';
import type { ExpressionSpecification, MapLibreMap } from 'maplibre-gl';
import type { Camera, CameraState } from '@toc/server/schemas';
import { fovCone } from '../geo/fov-cone';
import { cameraIconId } from '../icons/map-icons';
import { CAMERA_STATUS_COLORS, matchProperty } from '../palette';
import { setSourceData } from './set-source-data';

export const CAMERAS_LAYER_ID = 'cameras-circle';
export const CAMERAS_ICON_ID = 'cameras-icon';
export const CAMERAS_FOV_FILL_ID = 'cameras-fov-fill';
export const CAMERAS_FOV_LINE_ID = 'cameras-fov-line';
export const CAMERA_LAYER_IDS = [CAMERAS_FOV_FILL_ID, CAMERAS_FOV_LINE_ID, CAMERAS_LAYER_ID, CAMERAS_ICON_ID] as const;
const SOURCE_ID = 'cameras';
const FOV_SOURCE_ID = 'cameras-fov';

/** How far the wedge is drawn: a typical useful sight distance for road CCTV, not a measured one. */
export const FOV_DRAW_RANGE_M = 250;
/** States in which the camera delivers pictures. */
const WORKING: readonly CameraState[] = ['online', 'starting'];

export interface CameraFeatureProperties {
  id: number;
  status: Camera['status'];
  name: string;
  nameTh: string;
}

export function camerasToGeoJson(cameras: readonly Camera[]): FeatureCollection<Point, CameraFeatureProperties> {
  return {
    type: 'FeatureCollection',
    features: cameras.map((camera) => ({
      type: 'Feature',
      id: camera.id,
      geometry: { type: 'Point', coordinates: [camera.location.lon, camera.location.lat] },
      properties: { id: camera.id, status: camera.status, name: camera.name, nameTh: camera.nameTh },
    })),
  };
}

export function fovConesToGeoJson(cameras: readonly Camera[], rangeM = FOV_DRAW_RANGE_M): FeatureCollection<Polygon, CameraFeatureProperties> {
  return {
    type: 'FeatureCollection',
    features: cameras.map((camera) => ({
      type: 'Feature',
      id: camera.id,
      geometry: { type: 'Polygon', coordinates: [fovCone(camera.location, camera.headingDeg, camera.fovDeg, rangeM)] },
      properties: { id: camera.id, status: camera.status, name: camera.name, nameTh: camera.nameTh },
    })),
  };
}

const statusColor = () => matchProperty('status', CAMERA_STATUS_COLORS, CAMERA_STATUS_COLORS.offline);
const iconImage: ExpressionSpecification = ['match', ['get', 'status'], [...WORKING], cameraIconId(true), cameraIconId(false)];

export function addCamerasLayer(map: MapLibreMap): void {
  map.addSource(FOV_SOURCE_ID, { type: 'geojson', data: fovConesToGeoJson([]) });
  map.addSource(SOURCE_ID, { type: 'geojson', data: camerasToGeoJson([]) });
  map.addLayer({
    id: CAMERAS_FOV_FILL_ID,
    type: 'fill',
    source: FOV_SOURCE_ID,
    paint: { 'fill-color': statusColor(), 'fill-opacity': ['interpolate', ['linear'], ['zoom'], 11, 0.12, 16, 0.22] },
  });
  map.addLayer({
    id: CAMERAS_FOV_LINE_ID,
    type: 'line',
    source: FOV_SOURCE_ID,
    paint: { 'line-color': statusColor(), 'line-width': 1, 'line-opacity': 0.7 },
  });
  map.addLayer({
    id: CAMERAS_LAYER_ID,
    type: 'circle',
    source: SOURCE_ID,
    paint: {
      'circle-color': statusColor(),
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 8, 14, 12],
      'circle-stroke-color': '#0b1220',
      'circle-stroke-width': 2,
    },
  });
  map.addLayer({
    id: CAMERAS_ICON_ID,
    type: 'symbol',
    source: SOURCE_ID,
    layout: {
      'icon-image': iconImage,
      'icon-size': ['interpolate', ['linear'], ['zoom'], 8, 0.75, 14, 1.1],
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
    },
  });
}

export function setCameras(map: MapLibreMap, cameras: readonly Camera[]): void {
  setSourceData(map, SOURCE_ID, camerasToGeoJson(cameras));
  setSourceData(map, FOV_SOURCE_ID, fovConesToGeoJson(cameras));
}
