// Video wall layouts: list, read one, save (operators and admins).
import type { Wall, WallInput } from '@toc/server/schemas';
import { request } from '../api/http.client';

export const fetchWalls = (signal?: AbortSignal) => request<Wall[]>('api/walls', { signal });

export const saveWall = (id: number, wall: WallInput) => request<Wall>(`api/walls/${id}`, { method: 'PUT', body: wall });

/** The editable part of a wall, as the API takes it back. */
export const wallInput = (wall: Wall): WallInput => ({
  name: wall.name,
  nameTh: wall.nameTh,
  rows: wall.rows,
  cols: wall.cols,
  cycleSeconds: wall.cycleSeconds,
  groups: wall.groups.map((g) => ({ name: g.name, nameTh: g.nameTh, cameraIds: [...g.cameraIds] })),
});
