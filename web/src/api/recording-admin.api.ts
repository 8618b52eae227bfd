// Recording administration: the overview (the volume and each camera's recording health) and per-camera settings.
import type { CameraRecordingSettings, RecordingOverview } from '@toc/server/schemas';
import { request } from './http.client';

export const fetchRecordingOverview = (signal?: AbortSignal) =>
  request<RecordingOverview>('api/recordings/overview', { signal });

export const saveRecordingSettings = (cameraId: number, body: CameraRecordingSettings) =>
  request<CameraRecordingSettings>(`api/cameras/${cameraId}/recording`, { method: 'PUT', body });
