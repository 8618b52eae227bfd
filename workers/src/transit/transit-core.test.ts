// Small: the engine core on a 3 km test line — matching, progress, visits, predictions, alarms.
import { describe, expect, it } from 'vitest';
import { buildFeedModel } from './build-feed-model';
import { TransitCore } from './transit-core';
import type { TransitModel } from './transit-model';
import { at, drive, east, TEST_DATE, testFeedRows } from './test-feed.fixture';

function newCore(vehicles: number[] = [1, 2], rows = testFeedRows(1)): TransitCore {
  const feed = buildFeedModel(rows);
  const model: TransitModel = {
    feeds: new Map([[1, feed]]),
    vehicles: new Map(
      vehicles.map((id) => [
        id,
        { vehicleId: id, label: `B${id}`, electric: id === 2, feedId: 1, routeId: 'R1', blockId: null },
      ]),
    ),
  };
  return new TransitCore(model);
}

const DEPART = 8 * 3600; // the 08:00 run, "out-6" / "back-6"

describe('transit core', () => {
  it('matches the trip of the right direction and time, with progress growing to the end', () => {
    const core = newCore();
    const seen = drive({ vehicleId: 1, departS: DEPART, direction: 1 }).map((f) => core.onFix(f));
    const moving = seen.filter((f) => f.tripId === 'back-6');
    expect(moving.length).toBeGreaterThan(20);
    expect(seen.find((f) => f.tripId !== null)!.tripId).toBe('back-6');
    const along = moving.map((f) => f.distanceAlongM!);
    expect(along.every((d, i) => i === 0 || d >= along[i - 1]!)).toBe(true);
    expect(Math.max(...along)).toBeGreaterThan(2900);
    expect(moving.some((f) => f.nextStopId === 'P1')).toBe(true);
    // Done: the vehicle waits at the terminal for the next run from there.
    expect(seen[seen.length - 1]).toMatchObject({ state: 'layover', tripId: 'out-7', nextStopId: 'P0' });
  });

  it('matches a night run of the previous service day: 25:30 on 2 June is worked at 01:30 on 3 June', () => {
    const night = 25 * 3600 + 30 * 60;
    const core = newCore([1], testFeedRows(1, [night]));
    expect(new Date(at(night)).toISOString()).toBe('2025-06-02T18:30:00.000Z'); // 01:30 in Bangkok on 3 June
    const seen = drive({ vehicleId: 1, departS: night }).map((f) => core.onFix(f));
    // The extra run is the 50th: out-49.
    const moving = seen.filter((f) => f.tripId === 'out-49');
    expect(moving.length).toBeGreaterThan(20);
    expect(seen.find((f) => f.tripId !== null)!.tripId).toBe('out-49');
    expect(Math.max(...moving.map((f) => f.distanceAlongM!))).toBeGreaterThan(2900);
    const visits = core.tick(at(night + 600)).visits.filter((v) => v.tripId === 'out-49');
    expect(visits.map((v) => [v.stopId, v.serviceDate])).toEqual([
      ['P0', TEST_DATE],
      ['P1', TEST_DATE],
      ['P2', TEST_DATE],
    ]);
    expect(visits[1]!.scheduledArrivalMs).toBe(at(night + 180));
  });

  it('records arrival and departure at each stop, and learns the segment times', () => {
    const core = newCore();
    for (const f of drive({ vehicleId: 1, departS: DEPART, dwellS: 40 })) core.onFix(f);
    const out = core.tick(at(DEPART + 600));
    const middle = out.visits.find((v) => v.stopId === 'P1')!;
    expect(middle.tripId).toBe('out-6');
    // 1470 m at 10 m/s to the geofence, then 40 s dwell plus 60 m to leave it.
    expect((middle.arrivedMs! - at(DEPART)) / 1000).toBeCloseTo(147, 0);
    expect((middle.departedMs! - middle.arrivedMs!) / 1000).toBeCloseTo(46, 0);
    expect(out.visits.map((v) => v.stopId)).toEqual(['P0', 'P1', 'P2']);
    expect(
      out.segmentDeltas.some((d) => d.kind === 'run' && d.fromStopId === 'P0' && d.toStopId === 'P1'),
    ).toBe(true);
  });

  it('predicts the next stops from progress, and boards list live and timetabled runs', () => {
    const core = newCore();
    const fixes = drive({ vehicleId: 2, departS: DEPART });
    // Halfway to the middle stop.
    for (const f of fixes.filter((f) => f.fixTime.getTime() <= at(DEPART + 75))) core.onFix(f);
    const out = core.tick(at(DEPART + 76));
    const prediction = out.predictions.get(2)!;
    expect(prediction.tripId).toBe('out-6');
    expect(prediction.stops.map((s) => s.stopId)).toEqual(['P1', 'P2']);
    const toMiddle = (Date.parse(prediction.stops[0]!.predictedAt) - at(DEPART + 75)) / 1000;
    expect(toMiddle).toBeGreaterThan(40);
    expect(toMiddle).toBeLessThan(150);
    const board = out.boards.find((b) => b.board.stopId === 'P1')!.board;
    expect(board.arrivals[0]).toMatchObject({
      source: 'realtime',
      vehicleId: 2,
      vehicleLabel: 'B2',
      electric: true,
      tripId: 'out-6',
    });
    expect(board.arrivals.some((a) => a.source === 'schedule' && a.tripId === 'out-7')).toBe(true);
    expect(board.arrivals.some((a) => a.source === 'schedule' && a.tripId === 'out-6')).toBe(false);
    const times = board.arrivals.map((a) => Date.parse(a.predictedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('opens one off-route alarm after three fixes away from the shape, updates it, and ends it back on the route', () => {
    const core = newCore();
    const fixes = drive({
      vehicleId: 1,
      departS: DEPART,
      offsetAt: (m) => (m > 400 && m < 1100 ? 50 + (m - 400) : 0),
    });
    for (const f of fixes) core.onFix(f);
    const actions = core.tick(at(DEPART + 600)).alerts.filter((a) => a.type === 'bus.off_route');
    expect(actions.map((a) => a.action)[0]).toBe('open');
    expect(actions.filter((a) => a.action === 'open')).toHaveLength(1);
    expect(actions[actions.length - 1]!.action).toBe('end');
  });

  it('re-anchors a bus that jumps 2.5 km along its shape (a GPS gap, a restarted device) without an off-route alarm', () => {
    const core = newCore();
    const before = drive({ vehicleId: 1, departS: DEPART }).filter(
      (f) => f.fixTime.getTime() <= at(DEPART + 20),
    );
    for (const f of before) core.onFix(f);
    expect(core.onFix(before.at(-1)!)).toMatchObject({ tripId: 'out-6', state: 'in_service' });
    const last = before.at(-1)!.fixTime.getTime();
    // Five seconds later it reports 2750 m along, a few metres off the road, and drives on to the end.
    const after = Array.from({ length: 40 }, (_, k) => {
      const [lon, lat] = east(Math.min(3000, 2750 + 50 * k), 6);
      return { ...before.at(-1)!, lon, lat, fixTime: new Date(last + 5000 * (k + 1)), speedKmh: 36 };
    });
    const first = core.onFix(after[0]!);
    expect(first).toMatchObject({ tripId: 'out-6', state: 'in_service', nextStopId: 'P2' });
    expect(first.distanceAlongM).toBeGreaterThan(2730);
    expect(first.distanceAlongM).toBeLessThan(2770);
    const mid = core.tick(last + 6000);
    expect(mid.predictions.get(1)!.stops.map((s) => s.stopId)).toEqual(['P2']);
    for (const f of after.slice(1)) core.onFix(f);
    const out = core.tick(last + 5000 * 41);
    expect([...mid.alerts, ...out.alerts].filter((a) => a.type === 'bus.off_route')).toEqual([]);
    // The middle stop was not seen: no visit is made up for it; the last stop is reached and the trip ends.
    const visits = [...mid.visits, ...out.visits].filter((v) => v.tripId === 'out-6');
    expect(visits.map((v) => v.stopId)).toEqual(['P0', 'P2']);
    expect(visits[1]!.arrivedMs).not.toBeNull();
  });

  it('raises overspeed only after the limit is held, with the maximum speed', () => {
    const core = newCore();
    const fixes = drive({ vehicleId: 1, departS: DEPART, speedKmh: (m) => (m > 300 && m < 1200 ? 95 : 40) });
    for (const f of fixes) core.onFix(f);
    const over = core.tick(at(DEPART + 600)).alerts.filter((a) => a.type === 'bus.overspeed');
    expect(over.map((a) => a.action)).toEqual(['open', 'end']);
    expect(over[0]!.detail.maxSpeedKmh).toBe(95);

    const brief = newCore();
    for (const f of drive({ vehicleId: 1, departS: DEPART, speedKmh: (m) => (m > 300 && m < 340 ? 95 : 40) }))
      brief.onFix(f);
    expect(brief.tick(at(DEPART + 600)).alerts.filter((a) => a.type === 'bus.overspeed')).toEqual([]);
  });

  it('marks a silent bus on a trip stale on tick, and ends the alarm at its next fix', () => {
    const core = newCore();
    const fixes = drive({ vehicleId: 1, departS: DEPART });
    for (const f of fixes.slice(0, 25)) core.onFix(f);
    const last = fixes[24]!.fixTime.getTime();
    expect(core.tick(last + 60_000).alerts).toEqual([]);
    const out = core.tick(last + 6 * 60_000);
    expect(out.alerts.map((a) => [a.type, a.action])).toEqual([['bus.stale', 'open']]);
    expect(out.changed.find((c) => c.vehicleId === 1)!.fields.state).toBe('stale');
    expect(out.predictions.get(1)).toBeNull();
    core.onFix({ ...fixes[25]!, fixTime: new Date(last + 6 * 60_000 + 5000) });
    expect(core.tick(last + 6 * 60_000 + 6000).alerts.map((a) => [a.type, a.action])).toEqual([
      ['bus.stale', 'end'],
    ]);
  });

  it('lets a bus waiting for its next run go quiet (parked) until that run leaves, then marks it stale', () => {
    const core = newCore();
    const fixes = drive({ vehicleId: 1, departS: DEPART });
    const seen = fixes.map((f) => core.onFix(f));
    // Arrived at 08:06: it waits at the terminal for back-7, which leaves at 08:20, and sends nothing more.
    expect(seen.at(-1)).toMatchObject({ state: 'layover', tripId: 'back-7' });
    expect(core.tick(at(DEPART + 20 * 60 + 4 * 60)).alerts).toEqual([]);
    const out = core.tick(at(DEPART + 20 * 60 + 5 * 60 + 1));
    expect(out.alerts.map((a) => [a.type, a.action])).toEqual([['bus.stale', 'open']]);
    expect(out.alerts[0]!.detail).toMatchObject({ lastFixAt: fixes.at(-1)!.fixTime.toISOString() });
  });

  it('flags bunching when the next bus leaves a stop far sooner than the timetable spaces them', () => {
    const core = newCore();
    // Bus 1 on the 08:00 run crawls through a jam; bus 2 on the 08:20 run catches up: under 2 minutes apart instead of 20.
    const merged = [
      ...drive({ vehicleId: 1, departS: DEPART, speedMs: 1.2 }),
      ...drive({ vehicleId: 2, departS: DEPART + 20 * 60 }),
    ].sort((a, b) => a.fixTime.getTime() - b.fixTime.getTime());
    const fields = merged.map((f) => [f.vehicleId, core.onFix(f).tripId] as const);
    expect(fields.find(([v, t]) => v === 1 && t)![1]).toBe('out-6');
    expect(fields.find(([v, t]) => v === 2 && t)![1]).toBe('out-7');
    const alerts = core.tick(at(DEPART + 50 * 60)).alerts;
    const bunching = alerts.filter((a) => a.type === 'bus.bunching');
    expect(bunching[0]).toMatchObject({ action: 'open', vehicleId: 2 });
    expect(bunching[0]!.detail.scheduledHeadwayS).toBe(1200);
    expect(alerts.filter((a) => a.type === 'bus.gap')).toEqual([]);
  });

  it('raises a gap while it grows between stops, before the late bus reaches the next stop', () => {
    const core = newCore();
    // Bus 1 runs the 08:00 trip on time; bus 2 leaves on the 08:20 trip on time, then crawls (a breakdown, a jam).
    const merged = [
      ...drive({ vehicleId: 1, departS: DEPART }),
      ...drive({ vehicleId: 2, departS: DEPART + 20 * 60, speedMs: 0.25 }),
    ]
      .filter((f) => f.fixTime.getTime() <= at(DEPART + 52 * 60))
      .sort((a, b) => a.fixTime.getTime() - b.fixTime.getTime());
    const gapsBy = (minute: number) => {
      for (const f of merged.filter((m) => m.fixTime.getTime() <= at(DEPART + minute * 60))) core.onFix(f);
      merged.splice(
        0,
        merged.findIndex((m) => m.fixTime.getTime() > at(DEPART + minute * 60)),
      );
      return core.tick(at(DEPART + minute * 60)).alerts.filter((a) => a.type === 'bus.gap');
    };
    // 25 minutes after bus 1 left the middle stop: longer than the timetable's 20, not yet twice it.
    expect(gapsBy(28)).toEqual([]);
    const [gap] = gapsBy(50);
    expect(gap).toMatchObject({
      action: 'open',
      vehicleId: 2,
      detail: { measured: 'so_far', aheadVehicleId: 1, scheduledHeadwayS: 1200 },
    });
    expect(gap!.detail.headwayS).toBeGreaterThan(2400);
  });

  it('leaves a vehicle far from every route unassigned', () => {
    const core = newCore();
    const [lon, lat] = east(1500, 3000);
    const fields = core.onFix({
      vehicleId: 1,
      deviceId: 1,
      lon,
      lat,
      fixTime: new Date(at(DEPART)),
      speedKmh: 20,
      bearingDeg: 90,
    });
    expect(fields).toMatchObject({ state: 'unassigned', tripId: null, routeId: null });
  });
});
