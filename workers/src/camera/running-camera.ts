// What the camera job host needs from a camera it runs: the live runner, or the scale bench's simulated one.
import type { CameraLoad } from './worker-capacity';

export interface RunningCamera {
  stop(): Promise<void>;
  /** Re-reads zones, lines and calibration without restarting the stream. */
  reloadScene(): Promise<void>;
  /** What it costs this worker and whether it keeps up, as of its last health report. */
  load(): CameraLoad;
}
