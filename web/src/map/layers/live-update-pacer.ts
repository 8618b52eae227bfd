// Applies the live layers' source updates on one map together, on shared beats at most one interval apart.
import type { MapLibreMap } from 'maplibre-gl';

/**
 * Each source update re-tiles its source and repaints the whole map: with a GPU that is cheap, on a control-room PC
 * without one (software WebGL) one frame costs 100–400 ms. Events, buses, tracked objects and crashes each change
 * about once a second, at their own moments; applied as they come they repaint the map three or four times a
 * second and leave such a PC no time for the operator's clicks. On shared beats they cost one repaint or a few. A
 * second is the rate the cameras and buses send at, so with a GPU the map shows no less movement.
 */
export const LIVE_UPDATE_MS = 1_000;
/** Where painting the map would take more than this share of the page's time, the beats are spaced further. */
const MAX_PAINT_SHARE = 0.4;
/** The longest spacing: live layers still move every few seconds on the slowest PC. */
const MAX_UPDATE_MS = 4_000;
/** Weight of the latest beat in the running paint cost (one slow frame does not slow the map down for long). */
const COST_WEIGHT = 0.3;

/**
 * Reports how long the frame the map just drew held the page. A map frame runs in an animation frame, whose start the
 * timeline gives; without a GPU most of its cost comes after the map's own code (the drawing handed to the
 * compositor), so it is read by a task queued now, which runs once the frame is done.
 */
const measureAnimationFrame = (report: (ms: number) => void): void => {
  const started = typeof document === 'undefined' ? null : document.timeline.currentTime;
  if (typeof started !== 'number') return;
  setTimeout(() => report(Math.min(performance.now() - started, MAX_UPDATE_MS)), 0);
};

export interface PacerOptions {
  /** The spacing of beats where painting is cheap. */
  intervalMs: number;
  /** Called when the map has drawn a frame; reports how long the frame took. */
  measureFrame: (report: (ms: number) => void) => void;
}

class LiveUpdatePacer {
  private readonly pending = new Map<string, () => void>();
  private lastBeatAt = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private removed = false;
  /** Milliseconds spent painting the map since the last beat, and a running mean of it per beat. */
  private paintedMs = 0;
  private paintPerBeatMs = 0;

  constructor(
    map: MapLibreMap,
    private readonly options: PacerOptions,
  ) {
    map.on('render', () =>
      options.measureFrame((ms) => {
        this.paintedMs += ms;
      }),
    );
    map.once('remove', () => {
      this.removed = true;
      this.pending.clear();
      if (this.timer !== null) clearTimeout(this.timer);
    });
  }

  /** The latest update of a source replaces one not yet applied. */
  queue(source: string, apply: () => void): void {
    if (this.removed) return;
    this.pending.set(source, apply);
    if (this.timer !== null) return;
    // A quiet map applies the first update at once (after the current task, so updates made together share it).
    const wait = Math.max(0, this.lastBeatAt + this.spacingMs() - performance.now());
    this.timer = setTimeout(() => this.beat(), wait);
  }

  /** The base interval, or longer where painting what the last beats brought took more than its share of it. */
  spacingMs(): number {
    return Math.min(MAX_UPDATE_MS, Math.max(this.options.intervalMs, this.paintPerBeatMs / MAX_PAINT_SHARE));
  }

  private beat(): void {
    this.timer = null;
    const now = performance.now();
    // After a quiet spell, what was painted meanwhile (a pan, a zoom) counts only for one beat's share of it.
    const paintedForBeat = this.paintedMs * Math.min(1, this.spacingMs() / (now - this.lastBeatAt));
    this.paintPerBeatMs += COST_WEIGHT * (paintedForBeat - this.paintPerBeatMs);
    this.paintedMs = 0;
    this.lastBeatAt = now;
    const updates = [...this.pending.values()];
    this.pending.clear();
    for (const apply of updates) apply();
  }
}

const pacers = new WeakMap<MapLibreMap, LiveUpdatePacer>();

/** Queues a live source's update on its map's next beat; `apply` sets the source's data. */
export function paceLiveUpdate(
  map: MapLibreMap,
  source: string,
  apply: () => void,
  options: PacerOptions = { intervalMs: LIVE_UPDATE_MS, measureFrame: measureAnimationFrame },
): void {
  let pacer = pacers.get(map);
  if (!pacer) {
    pacer = new LiveUpdatePacer(map, options);
    pacers.set(map, pacer);
  }
  pacer.queue(source, apply);
}
