import { describe, expect, it } from 'vitest';
import { choosePlayedDay, planFleet } from './fleet-plan';
import { simFeedFixture } from './sim-feed.fixture';

const bangkok = (iso: string) => Date.parse(`${iso}+07:00`);

describe('choosePlayedDay', () => {
  it('plays today as is during the service hours', () => {
    const day = choosePlayedDay(simFeedFixture(), bangkok('2026-03-02T10:00:00'));
    expect(day).toEqual({ date: '20260302', dayStartMs: bangkok('2026-03-02T00:00:00'), shiftMs: 0, note: null, nextDate: '20260303' });
  });

  it("plays yesterday's night runs (times past 24:00) as they are at 03:00, without a shift", () => {
    const feed = simFeedFixture({ firstHour: 6, lastHour: 29 }); // the last runs leave at 28:30 (04:30)
    const day = choosePlayedDay(feed, bangkok('2026-03-03T03:00:00'));
    expect(day).toEqual({ date: '20260302', dayStartMs: bangkok('2026-03-02T00:00:00'), shiftMs: 0, note: null, nextDate: '20260303' });
  });

  it('never shifts a timetable that covers the whole clock (the demo network with its night service)', () => {
    const feed = simFeedFixture({ firstHour: 5, lastHour: 29 });
    for (let hour = 0; hour < 24; hour++) {
      const at = bangkok(`2026-03-03T${String(hour).padStart(2, '0')}:10:00`);
      expect(choosePlayedDay(feed, at), `${hour}:10`).toMatchObject({ shiftMs: 0, note: null });
    }
  });

  it('shifts the timetable at night so that now is two hours after the first departure, and says so', () => {
    const now = bangkok('2026-03-02T23:30:00');
    const day = choosePlayedDay(simFeedFixture(), now)!;
    expect(day.date).toBe('20260302');
    // Timetable time of "now" is 08:00 (first departure 06:00 + 2 h).
    expect(now - day.shiftMs).toBe(bangkok('2026-03-02T08:00:00'));
    expect(day.note).toMatch(/shifted by 15\.5 h/);
  });

  it('plays the same weekday of an expired feed, mapped onto today', () => {
    const now = bangkok('2026-03-02T10:00:00'); // a Monday
    const day = choosePlayedDay(simFeedFixture({ calendar: { start: '20160101', end: '20160630' } }), now)!;
    expect(day.date).toBe('20160627'); // the feed's last Monday
    expect(day.shiftMs).toBe(now - bangkok('2016-06-27T10:00:00'));
    expect(day.note).toMatch(/no service on 20260302; playing 20160627/);
    expect(day.nextDate).toBe('20160628'); // and its Tuesday after
  });

  it("follows an expired feed's last day with the same weekday it has, not a day past its calendar", () => {
    const feed = simFeedFixture({ calendar: { start: '20160101', end: '20160630' } });
    const day = choosePlayedDay(feed, bangkok('2026-03-05T10:00:00'))!; // a Thursday
    expect(day.date).toBe('20160630'); // the feed's last day, a Thursday
    expect(day.nextDate).toBe('20160624'); // its last Friday
    // A bus planned late that evening runs on into the Friday's trips, on the next morning's clock.
    const chain = planFleet(feed, day.date, [{ uniqueId: 'b1', routeId: 'R1', blockId: 'B1' }], 19.9 * 3600, { nextDate: day.nextDate }).get('b1')!;
    expect(chain.some((t) => t.stopTimes[0]!.departureS! >= 30 * 3600)).toBe(true);
  });

  it('gives up when the feed never runs', () => {
    const feed = simFeedFixture();
    feed.calendar.calendar.clear();
    expect(choosePlayedDay(feed, bangkok('2026-03-02T10:00:00'))).toBeNull();
  });
});

describe('planFleet', () => {
  it('gives block buses their block, route buses a chain of back-to-back trips, and no trip twice', () => {
    const feed = simFeedFixture();
    const nowS = 10 * 3600 + 600; // 10:10: T-trips of 10:00 are under way
    const plan = planFleet(
      feed,
      '20260302',
      [
        { uniqueId: 'b1', routeId: 'R1', blockId: 'B1' },
        { uniqueId: 'r1', routeId: 'R1', blockId: null },
        { uniqueId: 'r2', routeId: 'R1', blockId: null },
      ],
      nowS,
    );
    const b1 = plan.get('b1')!;
    expect(b1.length).toBeGreaterThan(0);
    expect(b1.every((t) => t.blockId === 'B1')).toBe(true);
    // Its first trip is still running at 10:10 (started 10:00, ends 10:12).
    expect(b1[0]!.stopTimes[0]!.departureS).toBe(10 * 3600);
    const all = [...plan.values()].flat().map((t) => t.tripId);
    expect(new Set(all).size).toBe(all.length);
    // Two buses cover this timetable: the second route bus finds no trip left.
    expect(plan.get('r2')).toEqual([]);
    {
      const chain = plan.get('r1')!;
      expect(chain.length).toBeGreaterThan(1);
      for (let i = 1; i < chain.length; i++) {
        const prevEnd = chain[i - 1]!.stopTimes.at(-1)!.arrivalS!;
        expect(chain[i]!.stopTimes[0]!.departureS!).toBeGreaterThanOrEqual(prevEnd + 120);
        // It leaves from where it arrived: S5 → S1 → S5 …
        expect(chain[i]!.stopTimes[0]!.stopId).toBe(chain[i - 1]!.stopTimes.at(-1)!.stopId);
      }
    }
  });

  it("continues into the next service day's trips, on the played day's clock, so buses run on past the night", () => {
    const feed = simFeedFixture({ firstHour: 6, lastHour: 29 });
    const vehicles = [{ uniqueId: 'b1', routeId: 'R1', blockId: 'B1' }];
    const nowS = 28 * 3600 + 10 * 60; // 04:10 on the next morning
    const alone = planFleet(feed, '20260302', vehicles, nowS).get('b1')!;
    const chain = planFleet(feed, '20260302', vehicles, nowS, { nextDate: '20260303' }).get('b1')!;
    expect(alone.map((t) => t.stopTimes[0]!.departureS)).toEqual([28 * 3600, 28 * 3600 + 900]);
    expect(chain.slice(0, 2)).toEqual(alone);
    // Then 3 March's 06:00 run, 30:00 on the 2 March clock, and the rest of that day.
    expect(chain[2]!.tripId).toBe('T1');
    expect(chain[2]!.stopTimes[0]!.departureS).toBe(30 * 3600);
    // B1 works two runs an hour (06:00 to 28:15) on 3 March as well.
    expect(chain).toHaveLength(2 + 2 * 23);
    expect(chain.every((t, i) => i === 0 || t.stopTimes[0]!.departureS! > chain[i - 1]!.stopTimes[0]!.departureS!)).toBe(true);
  });
});
