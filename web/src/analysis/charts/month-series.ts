// Month series of the crash chart: a continuous run of Bangkok months with the missing ones as zero, or whole years.

export interface MonthCount {
  year: number;
  yearBe: number;
  month: number;
  crashes: number;
  deaths: number;
}

export interface YearCount {
  year: number;
  yearBe: number;
  crashes: number;
  deaths: number;
}

/** Beyond this many months the bars get thinner than a pixel or two on a phone: the chart shows years instead. */
export const MAX_MONTHS = 60;

const BE_OFFSET = 543;
const index = (year: number, month: number) => year * 12 + (month - 1);

/**
 * Every month from the first to the last one present, in order; the server lists only months with crashes, and a gap
 * must show as an empty bar, not vanish from the axis.
 */
export function fillMonths(months: readonly MonthCount[]): MonthCount[] {
  if (months.length === 0) return [];
  const counts = new Map<number, MonthCount>();
  for (const m of months) {
    // Duplicates should not happen, but summing keeps the totals right if they do.
    const key = index(m.year, m.month);
    const seen = counts.get(key);
    counts.set(
      key,
      seen ? { ...seen, crashes: seen.crashes + m.crashes, deaths: seen.deaths + m.deaths } : { ...m },
    );
  }
  const keys = [...counts.keys()];
  const first = Math.min(...keys);
  const last = Math.max(...keys);
  const filled: MonthCount[] = [];
  for (let key = first; key <= last; key++) {
    const year = Math.floor(key / 12);
    filled.push(
      counts.get(key) ?? { year, yearBe: year + BE_OFFSET, month: (key % 12) + 1, crashes: 0, deaths: 0 },
    );
  }
  return filled;
}

/** Months summed per calendar year, every year from the first to the last (empty years as zero). */
export function sumByYear(months: readonly MonthCount[]): YearCount[] {
  const filled = fillMonths(months);
  const years: YearCount[] = [];
  for (const m of filled) {
    const current = years[years.length - 1];
    if (current && current.year === m.year) {
      current.crashes += m.crashes;
      current.deaths += m.deaths;
    } else {
      years.push({ year: m.year, yearBe: m.yearBe, crashes: m.crashes, deaths: m.deaths });
    }
  }
  return years;
}
