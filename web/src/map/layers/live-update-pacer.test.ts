// Small tests for the live update pacer: a quiet map updates at once, a busy one on shared beats, a removed one never.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MapLibreMap } from 'maplibre-gl';
import { paceLiveUpdate } from './live-update-pacer';

/** The two map events the pacer listens to: a frame painted, and the map removed. */
function fakeMap() {
  const listeners: Record<string, (() => void)[]> = { render: [], remove: [] };
  const add = (type: string, listener: () => void) => listeners[type]?.push(listener);
  const map = { on: add, once: add };
  const fire = (type: string) => listeners[type]!.forEach((listener) => listener());
  return { map: map as unknown as MapLibreMap, paint: () => fire('render'), remove: () => fire('remove') };
}

/** Frames that take `frame.ms` each (0: a PC with a GPU, as far as the pacer can tell). */
const frame = { ms: 0 };
const paced = { intervalMs: 1000, measureFrame: (report: (ms: number) => void) => report(frame.ms) };

describe('live update pacer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    frame.ms = 0;
  });
  afterEach(() => vi.useRealTimers());

  it('applies the first update of a quiet map after the current task, together with those made alongside it', () => {
    const { map } = fakeMap();
    const applied: string[] = [];
    paceLiveUpdate(map, 'events', () => applied.push('events'), paced);
    paceLiveUpdate(map, 'buses', () => applied.push('buses'), paced);
    expect(applied).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(applied).toEqual(['events', 'buses']);
  });

  it('applies later updates on the next beat, one interval after the last, the latest of each source only', () => {
    const { map } = fakeMap();
    const applied: string[] = [];
    paceLiveUpdate(map, 'events', () => applied.push('events 1'), paced);
    vi.advanceTimersByTime(0);
    vi.advanceTimersByTime(200);
    paceLiveUpdate(map, 'events', () => applied.push('events 2'), paced);
    vi.advanceTimersByTime(300);
    paceLiveUpdate(map, 'buses', () => applied.push('buses 1'), paced);
    paceLiveUpdate(map, 'events', () => applied.push('events 3'), paced);
    vi.advanceTimersByTime(499);
    expect(applied).toEqual(['events 1']);
    vi.advanceTimersByTime(1);
    expect(applied).toEqual(['events 1', 'events 3', 'buses 1']);
  });

  it('paces each map on its own', () => {
    const first = fakeMap();
    const second = fakeMap();
    const applied: string[] = [];
    paceLiveUpdate(first.map, 'events', () => applied.push('first'), paced);
    vi.advanceTimersByTime(0);
    paceLiveUpdate(second.map, 'events', () => applied.push('second'), paced);
    vi.advanceTimersByTime(0);
    expect(applied).toEqual(['first', 'second']);
  });

  it('spaces the beats further while painting what they bring takes more than 40 % of the time, at most 4 s', () => {
    const { map, paint } = fakeMap();
    const beats: number[] = [];
    const update = () => paceLiveUpdate(map, 'events', () => beats.push(Date.now()), paced);
    const runBeats = (count: number) => {
      for (let i = 0; i < count; i += 1) {
        update();
        vi.advanceTimersToNextTimer();
        for (let f = 0; f < 3; f += 1) paint(); // each beat's sources land in three frames
      }
    };
    frame.ms = 300; // software WebGL: 900 ms of painting per beat
    runBeats(12);
    const gaps = beats.slice(1).map((at, i) => at - beats[i]!);
    expect(gaps[0]).toBe(1000);
    // The running cost nears the 900 ms a beat paints, so the spacing nears 900 ms ÷ 0.4.
    expect(gaps.at(-1)).toBeGreaterThan(2000);
    expect(gaps.at(-1)).toBeLessThanOrEqual(2250);
    frame.ms = 2000; // slower still: never more than 4 s apart
    runBeats(12);
    expect(beats.at(-1)! - beats.at(-2)!).toBe(4000);
    frame.ms = 5; // the same map with a GPU again
    beats.length = 0;
    runBeats(12);
    expect(beats.at(-1)! - beats.at(-2)!).toBe(1000);
  });

  it('drops what was queued for a map that has been removed, and queues nothing more on it', () => {
    const { map, remove } = fakeMap();
    const applied: string[] = [];
    paceLiveUpdate(map, 'events', () => applied.push('first'), paced);
    vi.advanceTimersByTime(0);
    paceLiveUpdate(map, 'events', () => applied.push('queued'), paced);
    remove();
    paceLiveUpdate(map, 'events', () => applied.push('after'), paced);
    vi.advanceTimersByTime(5000);
    expect(applied).toEqual(['first']);
  });
});
