// Which critical event takes over the wall, and which ones are new (they sound the alert).
import { describe, expect, it } from 'vitest';
import type { Event } from '@toc/server/schemas';
import { eventFixture } from '../testing/event-fixture';
import { newArrivals, takeoverQueue, withChosenFirst } from './takeover';

let nextSeq = 1;
const event = (id: number, change: Partial<Event> = {}): Event =>
  eventFixture(id, { seq: nextSeq++, severity: 'critical', cameraId: 1, ...change });

const ids = (events: readonly Event[]) => events.map((e) => e.id);

describe('takeoverQueue', () => {
  it('takes only open accidents, elephant warnings and crowd alerts', () => {
    const queue = takeoverQueue([
      event(1),
      event(2, { type: 'elephant.warning', cameraId: null }),
      event(3, { type: 'crowd.alert' }),
      event(4, { type: 'traffic.vehicles', severity: 'info' }),
      event(5, { type: 'elephant.sighting' }),
      event(6, { status: 'acknowledged' }),
      event(7, { status: 'resolved' }),
      event(8, { type: 'crowd.alert', status: 'false_alarm' }),
    ]);
    expect(ids(queue).sort()).toEqual([1, 2, 3]);
  });

  it('puts the most severe first, then the newest', () => {
    const queue = takeoverQueue([
      event(1, { severity: 'high', startedAt: '2026-11-22T10:05:00.000Z' }),
      event(2, { severity: 'critical', startedAt: '2026-11-22T09:00:00.000Z' }),
      event(3, { severity: 'critical', startedAt: '2026-11-22T09:30:00.000Z' }),
      event(4, { severity: 'critical', startedAt: '2026-11-22T09:30:00.000Z' }),
    ]);
    expect(ids(queue)).toEqual([4, 3, 2, 1]);
  });

  it('follows the newest version of each event across lists, so an acknowledgement ends the takeover', () => {
    const opened = event(1);
    const acknowledged = { ...opened, seq: opened.seq + 100, status: 'acknowledged' as const };
    expect(takeoverQueue([opened], [acknowledged])).toEqual([]);
    expect(takeoverQueue([acknowledged], [opened])).toEqual([]);
    expect(ids(takeoverQueue([opened], [event(2)]))).toEqual([2, 1]);
  });
});

describe('newArrivals', () => {
  it('is silent on the first look and then reports only events not seen before', () => {
    const first = [event(1), event(2)];
    expect(newArrivals(null, first)).toEqual([]);
    expect(ids(newArrivals(new Set([1, 2]), [event(3), ...first]))).toEqual([3]);
    expect(newArrivals(new Set([1, 2, 3]), first)).toEqual([]);
  });
});

describe('withChosenFirst', () => {
  const queue = [event(1), event(2), event(3)];

  it('moves the alarm chosen from the list to the large tile, the rest keeping their order', () => {
    expect(ids(withChosenFirst(queue, 3))).toEqual([3, 1, 2]);
    expect(ids(withChosenFirst(queue, 1))).toEqual([1, 2, 3]);
  });

  it('falls back to priority order once the chosen alarm has left the queue, or when none was chosen', () => {
    expect(ids(withChosenFirst(queue, 9))).toEqual([1, 2, 3]);
    expect(ids(withChosenFirst(queue, null))).toEqual([1, 2, 3]);
  });
});
