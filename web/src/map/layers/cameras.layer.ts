// Cameras as circles coloured by their live status.
import type { FeatureCollection, Point } from 'geojson';
import type { GeoJSONSource, MapLibreMap } from 'maplibre-gl';
import type { Camera } from '@toc/server/schemas';
import { CAMERA_STATUS_COLORS, matchProperty } from '../palette';

export const CAMERAS_LAYER_ID = 'cameras-circle';
const SOURCE_ID = 'cameras';

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

export function addCamerasLayer(map: MapLibreMap): void {
  map.addSource(SOURCE_ID, { type: 'geojson', data: camerasToGeoJson([]) });
  map.addLayer({
    id: CAMERAS_LAYER_ID,
    type: 'circle',
    source: SOURCE_ID,
    paint: {
      'circle-color': matchProperty('status', CAMERA_STATUS_COLORS, CAMERA_STATUS_COLORS.offline),
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 5, 14, 10],
      'circle-stroke-color': '#0b1220',
      'circle-stroke-width': 2.5,
    },
  });
}

export function setCameras(map: MapLibreMap, cameras: readonly Camera[]): void {
  void map.getSource<GeoJSONSource>(SOURCE_ID)?.setData(camerasToGeoJson(cameras));
}
