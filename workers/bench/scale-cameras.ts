// The scale benchmark's cameras: stored as an admin would add them (camera, zones, lines, street calibration), spread
// over Chachoengsao; one in five watches the pedestrian scene, the others the street. Only the first N are enabled.
import type { Queryable } from '@toc/server/db/pool';
import { PEDESTRIAN_SCENE, STREET_SCENE, streetCalibrationPairs } from '@toc/server/db/demo-scenes';
import { calibrate } from '@toc/server/geometry/calibration';
import { insertCamera, updateCamera } from '@toc/server/repositories/cameras.repository';
import { replaceZonesAndLines, saveCalibration } from '@toc/server/repositories/scene.repository';

export type ReplayKind = 'street' | 'pedestrians';

/** Never opened: the stream path only tells the simulated camera which recording to replay. */
const streamUrl = (kind: ReplayKind, n: number) => `rtsp://replay.invalid/replay/${kind}/${n}`;

export const replayKindOf = (url: string): ReplayKind =>
  /\/replay\/pedestrians\//.test(url) ? 'pedestrians' : 'street';

export const kindOfCamera = (n: number): ReplayKind => (n % 5 === 0 ? 'pedestrians' : 'street');

export class ScaleCameras {
  /** Camera ids in the order they were added (bench camera n is ids[n - 1]). */
  private readonly ids: number[] = [];
  private enabledCount = 0;

  constructor(private readonly db: Queryable) {}

  /** Adds cameras up to `count` and enables exactly the first `count`; returns the ids it disabled. */
  async enable(count: number): Promise<number[]> {
    while (this.ids.length < count) await this.add(this.ids.length + 1);
    const disabled: number[] = [];
    for (let n = 1; n <= this.ids.length; n++) {
      const wanted = n <= count;
      const was = n <= this.enabledCount;
      if (wanted === was) continue;
      await updateCamera(this.db, this.ids[n - 1]!, { enabled: wanted });
      if (!wanted) disabled.push(this.ids[n - 1]!);
    }
    this.enabledCount = count;
    return disabled;
  }

  private async add(n: number): Promise<void> {
    const kind = kindOfCamera(n);
    const location = { lon: 100.95 + (n % 40) * 0.006, lat: 13.6 + Math.floor(n / 40) * 0.006 };
    const headingDeg = (n * 37) % 360;
    const camera = await insertCamera(this.db, {
      name: `Scale camera ${n}`,
      nameTh: `กล้องทดสอบ ${n}`,
      location,
      headingDeg,
      fovDeg: 60,
      rtspUrl: streamUrl(kind, n),
      enabled: true,
    });
    this.ids.push(camera.id);
    this.enabledCount = Math.max(this.enabledCount, n);
    await replaceZonesAndLines(this.db, camera.id, kind === 'street' ? STREET_SCENE : PEDESTRIAN_SCENE);
    if (kind === 'pedestrians') return;
    const pairs = streetCalibrationPairs(location, headingDeg);
    const fit = calibrate(pairs);
    if (!fit.ok) throw new Error(`calibration of scale camera ${n}: ${fit.reason}`);
    await saveCalibration(
      this.db,
      { cameraId: camera.id, pairs, homography: fit.homography, origin: fit.origin, error: fit.error },
      null,
    );
  }
}
