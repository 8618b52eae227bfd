// The demo video wall: 2×2 tiles cycling between the road cameras and the town cameras.
import type { Queryable } from './pool';
import type { WallInput } from '../schemas';
import { findWallByName, insertWall } from '../repositories/walls.repository';

export const DEMO_WALL_NAME = 'Main wall';

export function demoWall(roadCameraIds: number[], townCameraIds: number[]): WallInput {
  return {
    name: DEMO_WALL_NAME,
    nameTh: 'วอลล์หลัก',
    rows: 2,
    cols: 2,
    cycleSeconds: 20,
    groups: [
      { name: 'Roads', nameTh: 'ถนนสายหลัก', cameraIds: roadCameraIds },
      { name: 'Town', nameTh: 'ในเมือง', cameraIds: townCameraIds },
    ],
  };
}

/** Created once; an operator's later changes to the layout are kept on the next seed. */
export async function seedDemoWall(db: Queryable, roadCameraIds: number[], townCameraIds: number[]): Promise<void> {
  if (await findWallByName(db, DEMO_WALL_NAME)) return;
  await insertWall(db, demoWall(roadCameraIds, townCameraIds), null);
}
