import { describe, expect, it } from 'vitest';
import type { ElephantPath, Event } from '@toc/server/schemas';
import { eventFixture } from '../testing/event-fixture';
import {
  frameSituation,
  mapEvents,
  mergeBySeq,
  relevantPaths,
  selectSituation,
  summarizePath,
  warnedPlaces,
  warningSightingIds,
} from './elephant-situation';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const hoursAgo = (h: number) => new Date(NOW - h * 3600_000).toISOString();

const event = (id: number, fields: Partial<Event>): Event =>
  eventFixture(id, {
    type: 'elephant.sighting',
    severity: 'critical',
    location: { lon: 101.72, lat: 13.43 },
    startedAt: hoursAgo(1),
    updatedAt: hoursAgo(1),
    confidence: 0.9,
    ...fields,
  });

const place = (id: number, distanceM: number, bearingDeg: number) => ({
  id,
  name: `Place ${id}`,
  nameTh: `ตำบล ${id}`,
  district: 'Tha Takiap',
  districtTh: 'ท่าตะเกียบ',
  location: { lon: 101.7, lat: 13.4 },
  distanceM,
  bearingDeg,
  direction: { en: 'N', th: 'เหนือ' },
});

const warning = (id: number, places: unknown[], fields: Partial<Event> = {}) =>
  event(id, { type: 'elephant.warning', payload: { places, radiusM: 10_000, sightingEventId: id - 1, pathId: 7 }, ...fields });

describe('selectSituation', () => {
  it('counts sightings of the last 24 h that are not closed, and the warnings in force', () => {
    const events = [
      event(1, {}),
      event(2, { updatedAt: hoursAgo(25), startedAt: hoursAgo(26) }),
      event(3, { status: 'false_alarm' }),
      // Acknowledged later than sighting 1 was reported, but first seen before it: the first report orders the list.
      event(4, { status: 'acknowledged', startedAt: hoursAgo(3), updatedAt: hoursAgo(0.5) }),
      warning(5, [place(11, 4200, 90), place(12, 9100, 200)]),
      warning(6, [place(12, 3100, 45)], { status: 'resolved' }),
      warning(7, [place(12, 2500, 10), place(13, 8000, 300)], { status: 'acknowledged', startedAt: hoursAgo(31), updatedAt: hoursAgo(30) }),
      warning(8, [place(14, 1000, 0)], { endedAt: hoursAgo(1) }),
      event(9, { type: 'traffic.accident' }),
    ];
    const situation = selectSituation(events, NOW);
    expect(situation.sightings.map((e) => e.id)).toEqual([1, 4]);
    // An acknowledged warning stays in force whatever its age; a resolved or ended one does not.
    expect(situation.warnings.map((e) => e.id)).toEqual([5, 7]);
    expect(situation.placesWarned).toBe(3);
    expect(situation.nearest).toMatchObject({ id: 12, distanceM: 2500, warningId: 7, direction: 'N' });
    expect(mapEvents(situation).map((e) => e.id)).toEqual([5, 7, 1, 4]);
  });

  it('has nothing to report when no elephant was seen in the last day', () => {
    const situation = selectSituation([event(1, { updatedAt: hoursAgo(30) })], NOW);
    expect(situation).toEqual({ sightings: [], warnings: [], placesWarned: 0, nearest: null });
    expect(frameSituation(situation)).toBeNull();
  });
});

describe('mergeBySeq', () => {
  it('keeps the newest state of each event, whichever source had it', () => {
    const fetched = [event(1, { seq: 10, status: 'open' }), event(2, { seq: 5 })];
    const live = [event(1, { seq: 12, status: 'acknowledged' }), event(2, { seq: 4, status: 'resolved' }), event(3, {})];
    const merged = mergeBySeq(fetched, live);
    expect(merged.map((e) => [e.id, e.seq, e.status])).toEqual([
      [1, 12, 'acknowledged'],
      [2, 5, 'open'],
      [3, 3, 'open'],
    ]);
  });
});

describe('warnedPlaces', () => {
  it('reads the places nearest first, names the direction from the bearing, and skips malformed entries', () => {
    const places = warnedPlaces(warning(5, [place(1, 9000, 135), { name: 'no distance' }, place(2, 1200, 290)]));
    expect(places.map((p) => [p.id, p.distanceM, p.direction])).toEqual([
      [2, 1200, 'W'],
      [1, 9000, 'SE'],
    ]);
  });
});

describe('warningSightingIds', () => {
  it('lists every sighting of the herd a warning covers, and the one sighting of an older warning', () => {
    expect(warningSightingIds(event(5, { type: 'elephant.warning', payload: { sightingEventId: 4, sightingEventIds: [2, 4] } }))).toEqual([2, 4]);
    expect(warningSightingIds(event(5, { type: 'elephant.warning', payload: { sightingEventId: 4 } }))).toEqual([4]);
  });
});

describe('summarizePath', () => {
  it('lists each sighting once in the order it joined, with the distance moved between them', () => {
    const a = event(1, { location: { lon: 101.7, lat: 13.4 }, startedAt: hoursAgo(3) });
    const b = event(2, { location: { lon: 101.7, lat: 13.42 }, startedAt: hoursAgo(2) });
    const path: ElephantPath = {
      id: 7,
      startedAt: hoursAgo(3),
      updatedAt: hoursAgo(1),
      points: [a.location!, b.location!],
      sightings: [1, 2, 2, 99],
    };
    const summary = summarizePath(path, new Map([a, b].map((e) => [e.id, e])));
    expect(summary.steps.map((s) => s.sightingId)).toEqual([1, 2, 99]);
    expect(summary.steps[0]!.movedM).toBeNull();
    // 0.02° of latitude is about 2.2 km.
    expect(summary.steps[1]!.movedM).toBeGreaterThan(2_180);
    expect(summary.steps[1]!.movedM).toBeLessThan(2_230);
    expect(summary.steps[2]).toMatchObject({ sighting: null, movedM: null, firstSeen: null });
    expect(summary.totalM).toBeCloseTo(summary.steps[1]!.movedM!, 3);
  });

  it('lists a sighting the herd came back to where it last joined, measuring from the step before', () => {
    const a = event(1, { location: { lon: 101.7, lat: 13.4 } });
    const b = event(2, { location: { lon: 101.7, lat: 13.42 } });
    const c = event(3, { location: { lon: 101.7, lat: 13.42 } });
    const path: ElephantPath = { id: 7, startedAt: hoursAgo(3), updatedAt: hoursAgo(1), points: [], sightings: [1, 2, 1, 3] };
    const summary = summarizePath(path, new Map([a, b, c].map((e) => [e.id, e])));
    expect(summary.steps.map((s) => s.sightingId)).toEqual([2, 1, 3]);
    // From sighting 1 back north to sighting 3: the same 2.2 km, not 0 from sighting 2.
    expect(summary.steps[2]!.movedM).toBeGreaterThan(2_180);
  });

  it('keeps only the paths of open warnings and current sightings', () => {
    const situation = selectSituation([warning(5, [place(1, 1000, 0)]), event(20, { payload: { pathId: 9 } })], NOW);
    const path = (id: number, sightings: number[]): ElephantPath => ({ id, startedAt: hoursAgo(2), updatedAt: hoursAgo(1), points: [], sightings });
    expect(relevantPaths([path(7, [4]), path(8, [3]), path(9, [20]), path(10, [20])], situation).map((p) => p.id)).toEqual([7, 9, 10]);
  });
});

describe('frameSituation', () => {
  it('centres on the warnings and zooms so a whole 10 km circle fits', () => {
    const framing = frameSituation(selectSituation([warning(5, [place(1, 1000, 0)])], NOW), 600)!;
    expect(framing.center[0]).toBeCloseTo(101.72, 6);
    expect(framing.center[1]).toBeCloseTo(13.43, 6);
    // 20 km across in 600 px needs ≤ 33 m per pixel: zoom 12 is 37 m/px here, so 11 at most.
    expect(framing.zoom).toBeLessThanOrEqual(11);
    expect(framing.zoom).toBeGreaterThanOrEqual(10);
  });

  it('zooms out to take in warnings far apart', () => {
    const far = warning(6, [place(1, 1000, 0)], { location: { lon: 101.2, lat: 13.7 } });
    const framing = frameSituation(selectSituation([warning(5, [place(1, 1000, 0)]), far], NOW), 600)!;
    // About 77 km from the west edge of one circle to the east edge of the other: ~128 m per pixel, zoom 10.
    expect(framing.zoom).toBe(10);
    expect(framing.center[0]).toBeCloseTo(101.46, 2);
  });
});
