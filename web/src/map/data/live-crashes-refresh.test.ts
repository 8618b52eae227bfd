// Small tests for when the live crash layer reads again.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Event } from '@toc/server/schemas';
import { Debouncer, trafficIncidentVersion } from './live-crashes-refresh';

const event = (id: number, type: Event['type'], seq: number) => ({ id, type, seq }) as Event;

describe('trafficIncidentVersion', () => {
  it('follows the newest traffic incident event, whatever other events do', () => {
    expect(trafficIncidentVersion([])).toBe(0);
    const events = [
      event(1, 'traffic.accident', 5),
      event(2, 'traffic.incident', 9),
      event(3, 'traffic.vehicles', 40),
    ];
    expect(trafficIncidentVersion(events)).toBe(9);
    expect(
      trafficIncidentVersion([...events, event(4, 'crowd.alert', 50), event(5, 'traffic.congestion', 51)]),
    ).toBe(9);
    // The accident acknowledged: it takes a new seq.
    expect(trafficIncidentVersion([event(1, 'traffic.accident', 60), ...events.slice(1)])).toBe(60);
  });
});

describe('Debouncer', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs once after the last trigger of a burst, and not at all when cancelled', () => {
    vi.useFakeTimers();
    const action = vi.fn();
    const debouncer = new Debouncer(action, 1000);
    debouncer.trigger();
    vi.advanceTimersByTime(600);
    debouncer.trigger();
    vi.advanceTimersByTime(600);
    expect(action).not.toHaveBeenCalled();
    vi.advanceTimersByTime(400);
    expect(action).toHaveBeenCalledTimes(1);

    debouncer.trigger();
    debouncer.cancel();
    vi.advanceTimersByTime(2000);
    expect(action).toHaveBeenCalledTimes(1);
  });
});
