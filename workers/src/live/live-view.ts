// What the control room sees of a running camera: boxes as fractions of the picture, and tracked objects on the ground.
import { bearingDeg } from '@toc/server/geometry/local-metres';
import type { FrameBox, TrackedObject, TrackedObjectsMessage } from '@toc/server/schemas';
import type { FrameLayout } from '../pipeline/frame-layout';
import type { Track, TrackPoint } from '../pipeline/types';

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/** Confirmed tracks as boxes in fractions (0..1) of the camera picture, so any tile size can draw them. */
export function liveBoxes(tracks: readonly Track[], layout: Pick<FrameLayout, 'sourceWidth' | 'sourceHeight'>): FrameBox[] {
  return tracks
    .filter((track) => track.state === 'confirmed')
    .map((track) => {
      const [x1, y1, x2, y2] = track.box;
      const x = Math.max(0, x1) / layout.sourceWidth;
      const y = Math.max(0, y1) / layout.sourceHeight;
      return {
        x: round4(x),
        y: round4(y),
        w: round4(Math.min(1, x2 / layout.sourceWidth) - x),
        h: round4(Math.min(1, y2 / layout.sourceHeight) - y),
        label: track.label,
        score: round4(track.score),
        trackId: track.id,
      };
    })
    .filter((box) => box.w > 0 && box.h > 0);
}

/** Heading over the track's last second or so of placed history (a single step is too noisy). */
function headingOf(history: readonly TrackPoint[]): number | null {
  const placed = history.filter((p) => p.ground !== null);
  const last = placed[placed.length - 1];
  if (!last) return null;
  const earlier = [...placed].reverse().find((p) => last.t - p.t >= 800) ?? placed[0]!;
  if (earlier === last || (earlier.ground!.lon === last.ground!.lon && earlier.ground!.lat === last.ground!.lat)) return null;
  return bearingDeg(earlier.ground!, last.ground!);
}

/** The camera's confirmed, placed tracks as map objects; empty for a camera without calibration. */
export function trackedObjects(cameraId: number, tracks: readonly Track[], at: Date): TrackedObjectsMessage {
  const objects: TrackedObject[] = [];
  for (const track of tracks) {
    if (track.state !== 'confirmed') continue;
    const last = track.history[track.history.length - 1];
    if (!last?.ground) continue;
    const heading = headingOf(track.history);
    objects.push({
      id: `${cameraId}:${track.id}`,
      label: track.label,
      lon: last.ground.lon,
      lat: last.ground.lat,
      speedKmh: last.speedKmh === null ? null : Math.round(last.speedKmh * 10) / 10,
      headingDeg: heading === null ? null : Math.round(heading),
    });
  }
  return { cameraId, at: at.toISOString(), objects };
}
