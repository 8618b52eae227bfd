// The in-memory screening on small roads worked by hand: window sums, one window per hot spot (the earlier of equal
// windows), the Empirical Bayes estimate, black spots and the rank order.
import { describe, expect, it } from 'vitest';
import { screenRoadPlaces, type RoadPlaces, type ScreeningOptions } from './section-screening';

/** A road from [place, crashes, deaths] triples; serious and minor 0, EPDO = crashes + 10 × deaths. */
function road(
  roadKey: string,
  places: [number, number, number][],
  basis: RoadPlaces['basis'] = 'km',
): RoadPlaces {
  return {
    basis,
    roadKey,
    roadClass: basis === 'km' ? 'doh' : 'primary',
    posM: places.map(([pos]) => pos),
    crashes: places.map(([, crashes]) => crashes),
    deaths: places.map(([, , deaths]) => deaths),
    serious: places.map(() => 0),
    minor: places.map(() => 0),
    epdo: places.map(([, crashes, deaths]) => crashes + 10 * deaths),
  };
}

const OPTIONS: ScreeningOptions = {
  lengthM: 300,
  stepM: 100,
  rankBy: 'crashes',
  overlapping: true,
  minCrashes: 3,
  minDeaths: null,
  limit: 50,
};
const POPULATION = new Map([
  ['doh', 100],
  ['primary', 100],
]);
const starts = (roads: RoadPlaces[], options: Partial<ScreeningOptions> = {}) =>
  screenRoadPlaces(roads, POPULATION, { ...OPTIONS, ...options }).listed.map((w) => [
    w.roadKey,
    w.startM,
    w.crashes,
  ]);

describe('screenRoadPlaces', () => {
  it('makes every window holding a place, from km 0, with the sums of the places inside it', () => {
    // Places at 150 m and 420 m, 300 m windows every 100 m: 150 lies in [0,300) and [100,400); 420 in [200,500),
    // [300,600) and [400,700).
    const screened = screenRoadPlaces(
      [
        road('3', [
          [150, 2, 0],
          [420, 1, 1],
        ]),
      ],
      POPULATION,
      {
        ...OPTIONS,
        rankBy: 'epdo',
      },
    );
    const byStart = new Map(screened.listed.map((w) => [w.startM, [w.crashes, w.deaths, w.epdo]]));
    expect([...byStart.keys()].sort((a, b) => a - b)).toEqual([0, 100, 200, 300, 400]);
    expect(byStart.get(0)).toEqual([2, 0, 2]);
    expect(byStart.get(100)).toEqual([2, 0, 2]);
    expect(byStart.get(200)).toEqual([1, 1, 11]);
    expect(screened.total).toBe(5);
  });

  it('puts a place on a window boundary in the window starting there, not the one ending there', () => {
    expect(starts([road('3', [[300, 1, 0]])])).toEqual(
      expect.arrayContaining([
        ['3', 100, 1],
        ['3', 200, 1],
        ['3', 300, 1],
      ]),
    );
    expect(starts([road('3', [[300, 1, 0]])])).toHaveLength(3);
  });

  it('keeps one window per hot spot, the earlier of equal windows, and the best of each road', () => {
    const roads = [
      road('3', [
        [150, 2, 0],
        [1000, 5, 0],
      ]),
      road('7', [[50, 4, 0]]),
    ];
    expect(starts(roads, { overlapping: false })).toEqual([
      ['3', 800, 5],
      ['7', 0, 4],
      ['3', 0, 2],
    ]);
  });

  it('ranks equal windows by road and place (a stable order) and lists only the first ones', () => {
    const roads = [road('9', [[50, 1, 0]]), road('10', [[50, 1, 0]]), road('10', [[5000, 1, 0]], 'osm_line')];
    expect(starts(roads, { overlapping: false })).toEqual([
      ['10', 0, 1],
      ['9', 0, 1],
      ['10', 4800, 1],
    ]);
    expect(starts(roads, { overlapping: false, limit: 1 })).toEqual([['10', 0, 1]]);
  });

  it('flags black spots by crashes, or by deaths when a deaths criterion is given', () => {
    const roads = [road('3', [[50, 3, 0]]), road('4', [[50, 1, 2]])];
    const flags = (minDeaths: number | null) =>
      screenRoadPlaces(roads, POPULATION, { ...OPTIONS, overlapping: false, minDeaths }).listed.map((w) => [
        w.roadKey,
        w.blackSpot,
      ]);
    expect(flags(null)).toEqual([
      ['3', true],
      ['4', false],
    ]);
    expect(flags(2)).toEqual([
      ['3', true],
      ['4', true],
    ]);
    expect(screenRoadPlaces(roads, POPULATION, { ...OPTIONS, overlapping: false }).blackSpots).toBe(1);
  });

  it('leans each window from its count towards its class mean (Empirical Bayes, method of moments)', () => {
    // Windows of class doh: crashes 4 (three windows of 300 m hold the place at 250 m) over a population of 10.
    const population = new Map([['doh', 10]]);
    const screened = screenRoadPlaces([road('3', [[250, 4, 0]])], population, {
      ...OPTIONS,
      rankBy: 'eb_excess',
    });
    const mu = (3 * 4) / 10;
    const m2 = (3 * 16) / 10;
    const k = (m2 - mu ** 2 - mu) / mu ** 2;
    const expected = mu + (4 - mu) * (1 - 1 / (1 + k * mu));
    for (const window of screened.listed) {
      expect(window.predicted).toBeCloseTo(mu, 12);
      expect(window.ebExpected).toBeCloseTo(expected, 12);
    }
    expect(screened.listed.map((w) => w.startM)).toEqual([0, 100, 200]);
  });
});
