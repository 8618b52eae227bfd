// The playback page's address, `#/playback/3?at=<ISO>&with=4,5`: the camera, the instant to play from, and the cameras
// shown beside it in sync. Links from an alarm start a little before its onset.
import { routeHref } from '../app/hash-router';

/** An alarm's recording starts this long before its onset, to show what led up to it. */
export const PRE_ROLL_MS = 10_000;
/** The camera played and at most three beside it: four pictures still fit a 1366×768 screen. */
export const MAX_CAMERAS = 4;

export interface PlaybackTarget {
  cameraId: number;
  /** Epoch ms; absent: the page's default (a moment ago). */
  at?: number | null;
  /** Cameras played beside it, following its clock. */
  others?: readonly number[];
}

const isId = (n: number) => Number.isInteger(n) && n > 0;

/** The cameras beside the main one: whole positive ids, once each, not the main one, three at most. */
export function besideCameras(cameraId: number, others: readonly number[]): number[] {
  return [...new Set(others)].filter((id) => isId(id) && id !== cameraId).slice(0, MAX_CAMERAS - 1);
}

export function playbackHref({ cameraId, at, others = [] }: PlaybackTarget): string {
  const query = new URLSearchParams();
  if (at !== undefined && at !== null && Number.isFinite(at)) query.set('at', new Date(at).toISOString());
  const beside = besideCameras(cameraId, others);
  if (beside.length > 0) query.set('with', beside.join(','));
  const search = query.toString();
  return search ? `${routeHref('playback', cameraId)}?${search}` : routeHref('playback', cameraId);
}

/** The playback of an alarm's camera from just before its onset. */
export const eventPlaybackHref = (cameraId: number, startedAt: string): string =>
  playbackHref({ cameraId, at: Date.parse(startedAt) - PRE_ROLL_MS });

/** The instant and the cameras beside the main one, as the address gives them; anything unreadable is left out. */
export function parsePlaybackQuery(
  query: URLSearchParams,
  cameraId: number,
): { at: number | null; others: number[] } {
  const at = Date.parse(query.get('at') ?? '');
  const others = (query.get('with') ?? '')
    .split(',')
    .filter((part) => /^[1-9][0-9]*$/.test(part))
    .map(Number);
  return { at: Number.isNaN(at) ? null : at, others: besideCameras(cameraId, others) };
}
