// Moving objects around Chachoengsao, published as the workers would: one TrackedObjectsMessage per camera per
// second on the Redis channel the server relays, cameras spread evenly over the second.
import type { Announcer } from '@toc/server/realtime/channels';
import type { TrackedObject, TrackedObjectsMessage } from '@toc/server/schemas';

const LABELS = ['car', 'car', 'car', 'motorcycle', 'motorcycle', 'truck', 'bus', 'person', 'bicycle', 'car'];
const METRES_PER_DEGREE_LAT = 110_574;

export interface StreamOptions {
  cameras: number;
  objectsPerCamera: number;
  /** Camera ids start here (well above the seeded demo cameras). */
  firstCameraId: number;
}

export interface StreamLog {
  sent: number;
  /** Per camera: the `at` (ms) of the last message sent. */
  lastAt: Map<number, number>;
  firstAt: number;
}

/** Camera centres on a grid over the western half of the province, where the towns and roads are. */
function cameraCentre(index: number, cameras: number): [number, number] {
  const columns = Math.ceil(Math.sqrt(cameras * 2));
  const rows = Math.ceil(cameras / columns);
  const col = index % columns;
  const row = Math.floor(index / columns);
  return [100.95 + (0.5 * (col + 0.5)) / columns, 13.5 + (0.3 * (row + 0.5)) / rows];
}

/** Each object circles its camera at road speed, so positions change smoothly from one message to the next. */
export function objectsAt(cameraIndex: number, options: StreamOptions, tSeconds: number): TrackedObject[] {
  const [lon0, lat0] = cameraCentre(cameraIndex, options.cameras);
  const metresPerDegreeLon = METRES_PER_DEGREE_LAT * Math.cos((lat0 * Math.PI) / 180);
  const cameraId = options.firstCameraId + cameraIndex;
  const objects: TrackedObject[] = [];
  for (let i = 0; i < options.objectsPerCamera; i++) {
    const label = LABELS[i % LABELS.length]!;
    const radiusM = 60 + ((i * 37) % 400);
    const speedMs = label === 'person' ? 1.4 : 8 + (i % 10);
    const direction = i % 2 === 0 ? 1 : -1;
    const angle = i * 2.399 + (direction * speedMs * tSeconds) / radiusM;
    const standing = label === 'person' && i % 20 === 7;
    // Moving along the circle: the heading is the tangent, a quarter turn from the bearing out of the centre.
    const headingDeg = ((((angle * 180) / Math.PI + direction * 90) % 360) + 360) % 360;
    objects.push({
      id: `${cameraId}:${i + 1}`,
      label,
      lon: lon0 + (radiusM * Math.sin(angle)) / metresPerDegreeLon,
      lat: lat0 + (radiusM * Math.cos(angle)) / METRES_PER_DEGREE_LAT,
      speedKmh: standing ? null : speedMs * 3.6,
      headingDeg: standing ? null : headingDeg,
    });
  }
  return objects;
}

/** Publishes for `seconds` (1 Hz per camera) and resolves with what was sent. */
export async function publishStream(out: Announcer, options: StreamOptions, seconds: number): Promise<StreamLog> {
  const log: StreamLog = { sent: 0, lastAt: new Map(), firstAt: Date.now() };
  const spacingMs = 1000 / options.cameras;
  const total = Math.round(seconds * options.cameras);
  const start = performance.now();
  for (let k = 0; k < total; k++) {
    // Scheduled against the start, so timer drift does not slow the stream down.
    const due = start + k * spacingMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const cameraIndex = k % options.cameras;
    const now = Date.now();
    const message: TrackedObjectsMessage = {
      cameraId: options.firstCameraId + cameraIndex,
      at: new Date(now).toISOString(),
      objects: objectsAt(cameraIndex, options, (now - log.firstAt) / 1000),
    };
    await out.redis.publish(out.channels.objects, JSON.stringify(message));
    log.sent++;
    log.lastAt.set(message.cameraId, now);
  }
  return log;
}
