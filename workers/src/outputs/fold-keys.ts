// What counts as "the same alarm again" for a camera rule or a bus alarm: the key repeat triggers fold under.
import type { RuleSignal } from '../pipeline/types';

/**
 * A camera's rule signal: per camera and type, and for the kinds that belong to a zone, per kind and zone. Track
 * ids are left out on purpose: the next person crossing the carriageway is the same alarm again to an operator,
 * not a new one. A crash is one scene across zones, so accidents fold per camera.
 */
export function incidentFoldKey(
  cameraId: number,
  signal: Pick<RuleSignal, 'type' | 'kind' | 'detail'>,
): string {
  if (signal.type === 'traffic.accident' || signal.type === 'elephant.sighting')
    return `camera:${cameraId}|${signal.type}`;
  const zoneId = signal.detail.zoneId;
  const zone = typeof zoneId === 'number' ? `zone:${zoneId}` : 'view';
  return `camera:${cameraId}|${signal.type}|${signal.kind}|${zone}`;
}

/** A bus alarm: per vehicle and type. */
export const busFoldKey = (vehicleId: number, type: string): string => `vehicle:${vehicleId}|${type}`;

/** A worker's cameras behind on their frames (road alarms held): one alarm per worker, whichever cameras. */
export const behindFoldKey = (workerId: string): string => `worker:${workerId}|camera.behind`;

/** Enabled cameras no worker has room for: one alarm for the whole cluster, whichever cameras. */
export const WAITING_CAMERAS_FOLD_KEY = 'cluster|camera.waiting';

/** A recordings-volume alarm (the volume missing, space running low, cameras paused): one for the whole volume. */
export const recordingsFoldKey = (
  type: 'recording.volume' | 'recording.storage' | 'recording.paused',
): string => `recordings|${type}`;
