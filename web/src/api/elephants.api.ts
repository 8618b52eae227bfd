// Elephant movement paths (consecutive sightings joined into a line).
import type { ElephantPath } from '@toc/server/schemas';
import { request } from './http.client';

export const fetchElephantPaths = (signal?: AbortSignal) => request<ElephantPath[]>('api/elephants/paths', { signal });
