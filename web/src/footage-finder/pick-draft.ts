// The cameras picked for a request, each with its trimmed window as Bangkok `datetime-local` values, and the body
// PUT /api/footage-requests/:id/cameras takes (or what is wrong with the picks).
import { RequestCamerasInput, type FootageRequest } from '@toc/server/schemas';
import { fromBangkokLocal, toBangkokLocal } from './bangkok-local';
import type { Window } from './coverage-layout';

export interface Trim {
  /** `datetime-local` values, Bangkok time. */
  from: string;
  to: string;
}

/** Picked camera id → its trim, in the order picked. */
export type Picks = ReadonlyMap<number, Trim>;

/** The schema's limit (its JSON Schema keyword; typebox does not type the options it keeps). */
export const MAX_PICKED = (RequestCamerasInput.properties.cameras as { maxItems?: number }).maxItems ?? 16;

export type PickProblem =
  | { kind: 'none' }
  | { kind: 'tooMany'; max: number }
  | { kind: 'incomplete'; cameraId: number }
  | { kind: 'outside'; cameraId: number }
  | { kind: 'order'; cameraId: number };

const floorSecond = (ms: number) => Math.floor(ms / 1000) * 1000;
const ceilSecond = (ms: number) => Math.ceil(ms / 1000) * 1000;

export const windowOf = (request: Pick<FootageRequest, 'from' | 'to'>): Window => ({
  from: Date.parse(request.from),
  to: Date.parse(request.to),
});

/**
 * The input bounds (`min`, `max`) for the window: whole seconds around it, since the inputs hold no fractions; a value
 * there is taken as the window's own end.
 */
export function trimBounds(window: Window): Trim {
  return { from: toBangkokLocal(floorSecond(window.from)), to: toBangkokLocal(ceilSecond(window.to)) };
}

/** The whole window: what a camera gets when it is first picked. */
export const wholeWindow = trimBounds;

/** The picks saved on the request, to start from. */
export function picksOf(request: Pick<FootageRequest, 'cameras'>): Map<number, Trim> {
  return new Map(
    request.cameras.map((camera) => [
      camera.cameraId,
      {
        from: toBangkokLocal(floorSecond(Date.parse(camera.from))),
        to: toBangkokLocal(ceilSecond(Date.parse(camera.to))),
      },
    ]),
  );
}

export function togglePick(picks: Picks, cameraId: number, window: Window): Map<number, Trim> {
  const next = new Map(picks);
  if (next.has(cameraId)) next.delete(cameraId);
  else next.set(cameraId, wholeWindow(window));
  return next;
}

export function setTrim(picks: Picks, cameraId: number, part: Partial<Trim>): Map<number, Trim> {
  const current = picks.get(cameraId);
  if (!current) return new Map(picks);
  return new Map(picks).set(cameraId, { ...current, ...part });
}

/** A trim as instants inside the window, or what is wrong with it. */
export function trimInstants(trim: Trim, window: Window, cameraId: number): Window | PickProblem {
  const from = fromBangkokLocal(trim.from);
  const to = fromBangkokLocal(trim.to);
  if (from === null || to === null) return { kind: 'incomplete', cameraId };
  if (from < floorSecond(window.from) || to > ceilSecond(window.to)) return { kind: 'outside', cameraId };
  // The inputs' whole seconds at the ends stand for the window's own ends.
  const start = Math.max(from, window.from);
  const end = Math.min(to, window.to);
  if (!(start < end)) return { kind: 'order', cameraId };
  return { from: start, to: end };
}

/** The body to save, or the first problem with the picks. */
export function picksInput(picks: Picks, window: Window): RequestCamerasInput | PickProblem {
  if (picks.size === 0) return { kind: 'none' };
  if (picks.size > MAX_PICKED) return { kind: 'tooMany', max: MAX_PICKED };
  const cameras: RequestCamerasInput['cameras'] = [];
  for (const [cameraId, trim] of picks) {
    const instants = trimInstants(trim, window, cameraId);
    if ('kind' in instants) return instants;
    cameras.push({
      cameraId,
      from: new Date(instants.from).toISOString(),
      to: new Date(instants.to).toISOString(),
    });
  }
  return { cameras };
}

export const isProblem = (value: RequestCamerasInput | PickProblem): value is PickProblem => 'kind' in value;
