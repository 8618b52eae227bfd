import { describe, expect, it } from 'vitest';
import type { Event } from '@toc/server/schemas';
import { eventFixture } from '../testing/event-fixture';
import { DEFAULT_ALARM_FILTER, filterAlarms, unacknowledgedCount, unacknowledgedCriticalCount } from './alarm-filter';

const event = (id: number, fields: Partial<Event>): Event =>
  eventFixture(id, { startedAt: `2026-11-22T10:00:0${id}Z`, updatedAt: `2026-11-22T10:00:0${id}Z`, confidence: 0.9, ...fields });

const events = [
  event(1, { type: 'traffic.vehicles', severity: 'info' }),
  event(2, { type: 'elephant.warning', severity: 'critical' }),
  event(3, { status: 'resolved' }),
  event(4, { type: 'crowd.alert', severity: 'medium', status: 'acknowledged' }),
];

describe('alarm filter', () => {
  it('shows open and acknowledged alarms, priority first, and hides routine counts by default', () => {
    expect(filterAlarms(events, DEFAULT_ALARM_FILTER).map((e) => e.id)).toEqual([2, 4]);
  });

  it('pins unacknowledged critical alarms at the top, then orders by severity, unacknowledged first, newest first', () => {
    const feed = [
      event(1, { severity: 'critical', status: 'acknowledged' }),
      event(2, { severity: 'medium' }),
      event(3, { severity: 'critical' }),
      event(4, { severity: 'high', status: 'acknowledged' }),
      event(5, { severity: 'high' }),
      event(6, { severity: 'medium' }),
      event(7, { severity: 'critical' }),
    ];
    expect(filterAlarms(feed, DEFAULT_ALARM_FILTER).map((e) => e.id)).toEqual([7, 3, 1, 5, 4, 6, 2]);
    expect(unacknowledgedCriticalCount(feed)).toBe(2);
  });

  it('narrows by type, minimum severity and status', () => {
    expect(filterAlarms(events, { ...DEFAULT_ALARM_FILTER, types: ['elephant.warning'] }).map((e) => e.id)).toEqual([2]);
    expect(filterAlarms(events, { ...DEFAULT_ALARM_FILTER, minSeverity: 'high' }).map((e) => e.id)).toEqual([2]);
    expect(filterAlarms(events, { types: [], minSeverity: 'info', statuses: [], district: null }).map((e) => e.id)).toEqual([2, 3, 4, 1]);
  });

  it('narrows to the alarms inside one district', () => {
    const placed = [event(5, { location: { lon: 101.7, lat: 13.4 } }), event(6, { location: { lon: 101.0, lat: 13.7 } }), event(7, {})];
    const districtOf = (location: Event['location']) => (location ? (location.lon > 101.5 ? 'TH2409' : 'TH2401') : null);
    expect(filterAlarms(placed, { ...DEFAULT_ALARM_FILTER, district: 'TH2409' }, districtOf).map((e) => e.id)).toEqual([5]);
    expect(filterAlarms(placed, DEFAULT_ALARM_FILTER, districtOf).map((e) => e.id)).toEqual([7, 6, 5]); // one severity: newest first
  });

  it('counts the open alarms nobody has acknowledged', () => {
    expect(unacknowledgedCount(events)).toBe(1);
  });
});
