// Cameras in memory: the REST list, with live status changes from the socket applied on top.
import type { Camera, CameraStatusMessage } from '@toc/server/schemas';
import { ObservableStore } from './observable-store';

export interface CamerasSnapshot {
  list: readonly Camera[];
  byId: ReadonlyMap<number, Camera>;
}

function snapshotOf(cameras: readonly Camera[]): CamerasSnapshot {
  return { list: cameras, byId: new Map(cameras.map((camera) => [camera.id, camera])) };
}

export class CamerasStore extends ObservableStore<CamerasSnapshot> {
  constructor() {
    super(snapshotOf([]));
  }

  setAll(cameras: readonly Camera[]): void {
    this.set(snapshotOf(cameras));
  }

  /** Applies status messages; returns the ids of cameras it does not know (to trigger a reload). */
  applyStatuses(messages: readonly CameraStatusMessage[]): number[] {
    const unknown: number[] = [];
    const updates = new Map<number, CameraStatusMessage>();
    for (const message of messages) {
      if (this.get().byId.has(message.cameraId)) updates.set(message.cameraId, message);
      else unknown.push(message.cameraId);
    }
    if (updates.size > 0) {
      const list = this.get().list.map((camera) => {
        const update = updates.get(camera.id);
        return update
          ? { ...camera, status: update.status, statusReason: update.reason, health: update.health ?? (update.status === 'online' ? camera.health : null) }
          : camera;
      });
      this.set(snapshotOf(list));
    }
    return unknown;
  }
}
