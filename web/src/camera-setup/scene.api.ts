// Camera setup endpoints: one camera, its scene (zones, lines, calibration), the calibration check, and its still frame.
import type { Calibration, CalibrationPair, Camera, CameraScene, CameraSceneInput, CameraUpdate } from '@toc/server/schemas';
import { fetchImage, request } from '../api/http.client';

/** What the calibration check returns: the fit and its reprojection error, not saved. */
export type CalibrationCheck = Omit<Calibration, 'updatedAt'>;

export function fetchCamera(cameraId: number, signal?: AbortSignal): Promise<Camera> {
  return request<Camera>(`api/cameras/${cameraId}`, { signal });
}

/** Admins: the stream address or the credentials (write-only; `rtspCredentials: null` removes them). */
export function updateCameraStream(cameraId: number, patch: Pick<CameraUpdate, 'rtspUrl' | 'rtspCredentials'>): Promise<Camera> {
  return request<Camera>(`api/cameras/${cameraId}`, { method: 'PATCH', body: patch });
}

export function fetchScene(cameraId: number, signal?: AbortSignal): Promise<CameraScene> {
  return request<CameraScene>(`api/cameras/${cameraId}/scene`, { signal });
}

export function saveScene(cameraId: number, scene: CameraSceneInput): Promise<CameraScene> {
  return request<CameraScene>(`api/cameras/${cameraId}/scene`, { method: 'PUT', body: scene });
}

export function checkCalibration(cameraId: number, pairs: CalibrationPair[]): Promise<CalibrationCheck> {
  return request<CalibrationCheck>(`api/cameras/${cameraId}/calibration/check`, { method: 'POST', body: { pairs } });
}

export function saveCalibration(cameraId: number, pairs: CalibrationPair[]): Promise<Calibration> {
  return request<Calibration>(`api/cameras/${cameraId}/calibration`, { method: 'PUT', body: { pairs } });
}

export function deleteCalibration(cameraId: number): Promise<void> {
  return request<void>(`api/cameras/${cameraId}/calibration`, { method: 'DELETE' });
}

/**
 * The camera's current picture at full resolution. Fetched rather than put in an <img src>, so that a 503
 * ("the camera cannot give a picture") arrives with its bilingual reason.
 */
export function fetchFrame(cameraId: number, signal?: AbortSignal): Promise<Blob> {
  return fetchImage(`api/cameras/${cameraId}/frame.jpg`, { signal, cache: 'no-store' });
}
