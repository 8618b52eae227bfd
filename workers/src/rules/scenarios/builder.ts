// Builds synthetic RuleFrames: actors move boxes along paths with piecewise-linear speed profiles, with seeded jitter.
import { seededRandom } from '@toc/server/lib/seeded-random';
import type { Detection } from '@toc/models';
import type { Box, RuleFrame, Track, TrackPoint } from '../../pipeline/types';
import type { Pixel } from '../scene';

export interface ActorSpec {
  /** Becomes the track id. */
  id: number;
  label: string;
  /** Box width and height in pixels. */
  size: [number, number];
  /** Polyline followed by the ground contact point (bottom centre of the box), pixels. */
  path: Pixel[];
  /** [t seconds, pixels per second] keyframes, linear in between; the first speed holds before, the last after. */
  speeds: [number, number][];
  appearS: number;
  /** Gone at this time (towed away, walked off); otherwise when leaving the frame or the path ends. */
  disappearS?: number;
  score?: number;
  /** The detector misses this object on every n-th frame. */
  missEvery?: number;
}

export interface BuildOptions {
  durationS: number;
  fps: number;
  width: number;
  height: number;
  seed: number;
  /** Each box edge moves by up to ± this many pixels per frame. */
  jitterPx: number;
  /** Track history bound, like the tracker's. */
  historyLength: number;
  /** Stream time of the first frame, ms. */
  startMs: number;
  /** Frames a new track stays tentative. */
  confirmHits: number;
}

export const DEFAULT_BUILD_OPTIONS: BuildOptions = {
  durationS: 60,
  fps: 5,
  width: 1280,
  height: 720,
  seed: 7,
  jitterPx: 1.5,
  historyLength: 50,
  startMs: Date.UTC(2026, 0, 15, 1, 0, 0),
  confirmHits: 3,
};

/** Speed keyframes from a flat list: speedKeys(0, 300, 2, 300, 5, 0) is 300 px/s until 2 s, braking to 0 at 5 s. */
export function speedKeys(...flat: number[]): [number, number][] {
  const keys: [number, number][] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) keys.push([flat[i]!, flat[i + 1]!]);
  return keys;
}

function speedAt(speeds: readonly [number, number][], t: number): number {
  const first = speeds[0];
  if (!first) return 0;
  if (t <= first[0]) return first[1];
  for (let i = 1; i < speeds.length; i++) {
    const [t1, v1] = speeds[i]!;
    const [t0, v0] = speeds[i - 1]!;
    if (t <= t1) return t1 === t0 ? v1 : v0 + ((v1 - v0) * (t - t0)) / (t1 - t0);
  }
  return speeds[speeds.length - 1]![1];
}

/** Distance covered between `from` and `to` seconds: exact for piecewise-linear speeds, steps allowed. */
export function distanceCovered(speeds: readonly [number, number][], from: number, to: number): number {
  const cuts = [from, ...speeds.map(([t]) => t).filter((t) => t > from && t < to), to];
  let total = 0;
  for (let i = 1; i < cuts.length; i++) {
    const a = cuts[i - 1]!;
    const b = cuts[i]!;
    // Speed is linear inside each piece, so its midpoint value is exact (and a jump at a cut is respected).
    total += speedAt(speeds, (a + b) / 2) * (b - a);
  }
  return total;
}

/** Point at arc length `s` along the path, or null past its end. */
export function pointAlong(path: readonly Pixel[], s: number): Pixel | null {
  if (path.length === 1) return s <= 0 ? path[0]! : null;
  let left = s;
  for (let i = 1; i < path.length; i++) {
    const [x0, y0] = path[i - 1]!;
    const [x1, y1] = path[i]!;
    const length = Math.hypot(x1 - x0, y1 - y0);
    if (left <= length) {
      const f = length > 0 ? left / length : 0;
      return [x0 + (x1 - x0) * f, y0 + (y1 - y0) * f];
    }
    left -= length;
  }
  return null;
}

/** Where the actor's contact point is at `t` seconds, or null when it is not in view. */
export function actorPosition(actor: ActorSpec, t: number, width: number, height: number): Pixel | null {
  if (t < actor.appearS || (actor.disappearS !== undefined && t >= actor.disappearS)) return null;
  const point = pointAlong(actor.path, distanceCovered(actor.speeds, actor.appearS, t));
  if (!point || point[0] < 0 || point[0] > width || point[1] < 0 || point[1] > height) return null;
  return point;
}

interface SimTrack {
  hits: number;
  history: TrackPoint[];
  firstSeen: number;
  lastSeen: number;
  box: Box;
  missed: number;
}

const COCO_IDS: Record<string, number> = {
  person: 0,
  bicycle: 1,
  car: 2,
  motorbike: 3,
  motorcycle: 3,
  bus: 5,
  truck: 7,
  elephant: 20,
};

/** One frame per 1/fps seconds; tracks mimic a tracker: tentative for the first hits, coasting on a missed detection. */
export function buildFrames(actors: readonly ActorSpec[], options: Partial<BuildOptions> = {}): RuleFrame[] {
  const o = { ...DEFAULT_BUILD_OPTIONS, ...options };
  const random = seededRandom(o.seed);
  const jitter = () => (random() * 2 - 1) * o.jitterPx;
  const sims = new Map<number, SimTrack>();
  const frames: RuleFrame[] = [];
  const count = Math.floor(o.durationS * o.fps) + 1;
  for (let i = 0; i < count; i++) {
    const tS = i / o.fps;
    const t = o.startMs + Math.round(tS * 1000);
    const tracks: Track[] = [];
    const detections: Detection[] = [];
    for (const actor of actors) {
      const position = actorPosition(actor, tS, o.width, o.height);
      if (!position) {
        sims.delete(actor.id);
        continue;
      }
      const [w, h] = actor.size;
      const box: Box = [
        position[0] - w / 2 + jitter(),
        position[1] - h + jitter(),
        position[0] + w / 2 + jitter(),
        position[1] + jitter(),
      ];
      const sim: SimTrack = sims.get(actor.id) ?? {
        hits: 0,
        history: [],
        firstSeen: t,
        lastSeen: t,
        box,
        missed: 0,
      };
      sims.set(actor.id, sim);
      const score = actor.score ?? 0.85;
      const missed = actor.missEvery !== undefined && sim.hits > 0 && i % actor.missEvery === 0;
      if (missed) {
        sim.missed++;
      } else {
        sim.hits++;
        sim.missed = 0;
        sim.box = box;
        sim.lastSeen = t;
        sim.history = [...sim.history, { t, box, ground: null, speedKmh: null }].slice(-o.historyLength);
        detections.push({ classId: COCO_IDS[actor.label] ?? 0, label: actor.label, score, box });
      }
      const previous = sim.history[sim.history.length - 2];
      const latest = sim.history[sim.history.length - 1]!;
      const dt = previous ? (latest.t - previous.t) / 1000 : 0;
      const centre = (b: Box): Pixel => [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
      tracks.push({
        id: actor.id,
        classId: COCO_IDS[actor.label] ?? 0,
        label: actor.label,
        score,
        peakScore: score,
        state: sim.hits >= o.confirmHits ? 'confirmed' : 'tentative',
        box: sim.box,
        velocity:
          previous && dt > 0
            ? [
                (centre(latest.box)[0] - centre(previous.box)[0]) / dt,
                (centre(latest.box)[1] - centre(previous.box)[1]) / dt,
              ]
            : [0, 0],
        hits: sim.hits,
        missed: sim.missed,
        firstSeen: sim.firstSeen,
        lastSeen: sim.lastSeen,
        history: sim.history,
      });
    }
    frames.push({ t, frameWidth: o.width, frameHeight: o.height, tracks, detections });
  }
  return frames;
}
