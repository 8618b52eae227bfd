// Test helpers for the live path: a vehicle-count event to record, and waiting for what a socket client receives.
import type { NewEvent } from '../src/schemas';

export const vehicleCountEvent = (total: number): NewEvent => ({
  type: 'traffic.vehicles',
  severity: 'info',
  location: { lon: 101.07, lat: 13.69 },
  cameraId: null,
  startedAt: new Date().toISOString(),
  confidence: 0.7,
  modelId: 'yolox_nano_416',
  payload: { counts: { car: total }, total },
});

/** Resolves once `condition` holds; throws when it has not within `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
