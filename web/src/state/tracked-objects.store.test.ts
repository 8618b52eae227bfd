// Small tests for the tracked-objects store: replace per camera, ignore late messages, expire silent cameras.
import { afterEach, describe, expect, it } from 'vitest';
import type { TrackedObjectsMessage } from '@toc/server/schemas';
import { TrackedObjectsStore } from './tracked-objects.store';

const object = (cameraId: number, trackId: number, lon = 101.07) => ({
  id: `${cameraId}:${trackId}`,
  label: 'car',
  lon,
  lat: 13.69,
  speedKmh: 30,
  headingDeg: 90,
});
const message = (cameraId: number, at: string, trackIds: number[]): TrackedObjectsMessage => ({
  cameraId,
  at,
  objects: trackIds.map((id) => object(cameraId, id)),
});
const ids = (store: TrackedObjectsStore) => [...store.get().byCamera.values()].flatMap((c) => c.objects.map((o) => o.id)).sort();

let store: TrackedObjectsStore;
afterEach(() => store.clear());

describe('TrackedObjectsStore', () => {
  it('replaces a camera’s set with its next message, so a missing object is gone', () => {
    store = new TrackedObjectsStore();
    store.apply([message(1, '2025-01-01T00:00:00Z', [1, 2]), message(2, '2025-01-01T00:00:00Z', [7])], 1000);
    expect(ids(store)).toEqual(['1:1', '1:2', '2:7']);
    expect(store.get().count).toBe(3);
    store.apply([message(1, '2025-01-01T00:00:01Z', [2])], 2000);
    expect(ids(store)).toEqual(['1:2', '2:7']);
  });

  it('ignores a message older than the one it holds for that camera', () => {
    store = new TrackedObjectsStore();
    store.apply([message(1, '2025-01-01T00:00:05Z', [1])], 1000);
    const before = store.get();
    store.apply([message(1, '2025-01-01T00:00:04Z', [9])], 1100);
    expect(store.get()).toBe(before);
    expect(ids(store)).toEqual(['1:1']);
  });

  it('drops the cameras silent for longer than the TTL and keeps the others', () => {
    store = new TrackedObjectsStore(5000);
    store.apply([message(1, '2025-01-01T00:00:00Z', [1])], 1000);
    store.apply([message(2, '2025-01-01T00:00:03Z', [2])], 4000);
    store.expire(6000);
    expect(ids(store)).toEqual(['1:1', '2:2']);
    store.expire(6001);
    expect(ids(store)).toEqual(['2:2']);
    store.expire(9001);
    expect(store.get().count).toBe(0);
  });

  it('tells listeners once per applied batch', () => {
    store = new TrackedObjectsStore();
    let calls = 0;
    store.subscribe(() => calls++);
    store.apply([message(1, '2025-01-01T00:00:00Z', [1]), message(2, '2025-01-01T00:00:00Z', [2])]);
    expect(calls).toBe(1);
  });
});
