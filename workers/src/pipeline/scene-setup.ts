// A scene not stored in the database (evaluation, benchmarks, tests): zones and lines numbered from 1.
import type { CameraSceneInput } from '@toc/server/schemas';
import type { SceneSetup } from './camera-pipeline';

export function sceneSetupOf(input: CameraSceneInput, calibration: SceneSetup['calibration'] = null): SceneSetup {
  return {
    zones: input.zones.map((zone, i) => ({ id: i + 1, cameraId: 0, ...zone })),
    lines: input.lines.map((line, i) => ({ id: i + 1, cameraId: 0, ...line })),
    calibration,
  };
}
