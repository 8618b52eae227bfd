import { describe, expect, it } from 'vitest';
import { fillMonths, sumByYear, type MonthCount } from './month-series';

const m = (year: number, month: number, crashes: number, deaths = 0): MonthCount => ({
  year,
  yearBe: year + 543,
  month,
  crashes,
  deaths,
});

describe('fillMonths', () => {
  it('is empty without months', () => {
    expect(fillMonths([])).toEqual([]);
  });

  it('runs from the first to the last month, across a new year, with zero for the missing ones', () => {
    const filled = fillMonths([m(2013, 2, 4, 1), m(2012, 11, 3)]);
    expect(filled.map((x) => `${x.year}-${x.month}:${x.crashes}`)).toEqual([
      '2012-11:3',
      '2012-12:0',
      '2013-1:0',
      '2013-2:4',
    ]);
    expect(filled[1]).toEqual(m(2012, 12, 0));
  });
});

describe('sumByYear', () => {
  it('sums crashes and deaths per year and keeps empty years', () => {
    expect(sumByYear([m(2012, 3, 2, 1), m(2012, 9, 5), m(2014, 1, 1, 1)])).toEqual([
      { year: 2012, yearBe: 2555, crashes: 7, deaths: 1 },
      { year: 2013, yearBe: 2556, crashes: 0, deaths: 0 },
      { year: 2014, yearBe: 2557, crashes: 1, deaths: 1 },
    ]);
  });
});
