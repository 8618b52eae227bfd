// Counts tracks crossing each counting line by class and direction, per interval.
import { segmentsCross, sideOfLine } from '@toc/server/geometry/plane';
import type { RuleFrame } from '../pipeline/types';
import { PERSON_LABEL, VEHICLE_LABELS } from './labels';
import { groundContact, type Pixel, type PixelLine, type PixelScene } from './scene';

export interface LineCounterOptions {
  intervalS: number;
  /** Dead band around the line: a side only counts once the contact point is this far from the line. */
  marginPx: number;
  /** Classes counted; each is reported under its own label (persons separately from vehicles). */
  labels: readonly string[];
  /** Memory of a track not seen for this long is dropped. */
  forgetAfterS: number;
}

export const DEFAULT_LINE_COUNTER_OPTIONS: LineCounterOptions = {
  intervalS: 60,
  marginPx: 3,
  labels: [...VEHICLE_LABELS, PERSON_LABEL],
  forgetAfterS: 30,
};

export type CrossingDirection = 'forward' | 'reverse';

export interface DirectionCounts {
  forward: number;
  reverse: number;
}

export interface LineCount {
  lineId: number;
  startedAt: number;
  endedAt: number;
  counts: Record<string, DirectionCounts>;
}

/**
 * Which side of a→b the point is on, in image coordinates (y down): +1 right, −1 left, 0 within the margin.
 * Looking along a→b on screen, "right" is clockwise of the direction: for a→b pointing up the screen,
 * right is towards larger x. Forward is left → right.
 */
export function lineSide(line: Pick<PixelLine, 'a' | 'b'>, point: Pixel, marginPx: number): -1 | 0 | 1 {
  const length = Math.hypot(line.b[0] - line.a[0], line.b[1] - line.a[1]);
  if (length === 0) return 0;
  const distance = sideOfLine(line.a, line.b, point) / length;
  if (Math.abs(distance) < marginPx) return 0;
  return distance > 0 ? 1 : -1;
}

interface SideMemory {
  side: -1 | 1;
  point: Pixel;
}

interface TrackLines {
  lastSeen: number;
  sides: Map<number, SideMemory>;
  /** `${lineId}:${direction}` already counted for this track. */
  counted: Set<string>;
  /** Crossings made while the track was still tentative; counted once it is confirmed. */
  pending: { lineId: number; direction: CrossingDirection }[];
}

export interface LineCounterState {
  startedAt: number | null;
  counts: Map<number, Record<string, DirectionCounts>>;
  tracks: Map<number, TrackLines>;
}

export const createLineCounterState = (): LineCounterState => ({
  startedAt: null,
  counts: new Map(),
  tracks: new Map(),
});

function addCount(
  state: LineCounterState,
  lineId: number,
  label: string,
  direction: CrossingDirection,
): void {
  const byLabel = state.counts.get(lineId) ?? {};
  const counts = byLabel[label] ?? { forward: 0, reverse: 0 };
  counts[direction]++;
  byLabel[label] = counts;
  state.counts.set(lineId, byLabel);
}

/** Updates `state` in place; returns the intervals that closed with this frame (one per line). */
export function evaluateLines(
  state: LineCounterState,
  context: { scene: PixelScene; frame: RuleFrame },
  options: LineCounterOptions = DEFAULT_LINE_COUNTER_OPTIONS,
): LineCount[] {
  const { scene, frame } = context;
  const t = frame.t;
  const intervalMs = options.intervalS * 1000;
  const closed: LineCount[] = [];
  state.startedAt ??= t;
  if (t >= state.startedAt + intervalMs) {
    for (const line of scene.lines) {
      closed.push({
        lineId: line.id,
        startedAt: state.startedAt,
        endedAt: state.startedAt + intervalMs,
        counts: state.counts.get(line.id) ?? {},
      });
    }
    state.startedAt += Math.floor((t - state.startedAt) / intervalMs) * intervalMs;
    state.counts = new Map();
  }

  for (const track of frame.tracks) {
    // Only matched positions: a lost track's predicted box must not walk over a line.
    if (track.state === 'lost' || track.missed > 0 || !options.labels.includes(track.label)) continue;
    const memory: TrackLines = state.tracks.get(track.id) ?? {
      lastSeen: t,
      sides: new Map(),
      counted: new Set(),
      pending: [],
    };
    state.tracks.set(track.id, memory);
    memory.lastSeen = t;
    const point = groundContact(track.box);
    for (const line of scene.lines) {
      const side = lineSide(line, point, options.marginPx);
      if (side === 0) continue;
      const before = memory.sides.get(line.id);
      memory.sides.set(line.id, { side, point });
      // The path between the two sure sides must cut the segment itself, not its extension.
      if (!before || before.side === side || !segmentsCross(before.point, point, line.a, line.b)) continue;
      memory.pending.push({ lineId: line.id, direction: before.side < 0 ? 'forward' : 'reverse' });
    }
    if (track.state !== 'confirmed') continue;
    for (const { lineId, direction } of memory.pending) {
      const key = `${lineId}:${direction}`;
      if (memory.counted.has(key)) continue;
      memory.counted.add(key);
      addCount(state, lineId, track.label, direction);
    }
    memory.pending = [];
  }

  for (const [id, memory] of state.tracks) {
    if (t - memory.lastSeen > options.forgetAfterS * 1000) state.tracks.delete(id);
  }
  return closed;
}
