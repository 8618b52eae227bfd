// The crash tables counted ahead (the heatmap cells, the road bins) keep their counts per year, severity class and
// source: which filters they can answer, and such a filter as a condition on their rows.
import type { SqlParams } from '../lib/sql-params';
import type { CrashFilter } from './crash-filter';

const JANUARY_FIRST = /^\d{4}-01-01$/;
const DECEMBER_LAST = /^\d{4}-12-31$/;
const COUNTED_FILTERS = new Set<keyof CrashFilter>(['from', 'to', 'severities', 'sources']);

const yearOf = (date: string) => Number(date.slice(0, 4));

/**
 * A filter of whole years, severities and sources (or none) is read from the counts kept ahead; an area, a drawn
 * polygon, a part of a year, weekdays, hours, a festival or a vocabulary choice is counted from the crashes.
 * (A crash's year is its Bangkok calendar year, so 1 January – 31 December is exactly its year.)
 */
export function countedAheadAnswers(filter: CrashFilter): boolean {
  const others = Object.entries(filter).filter(([key]) => !COUNTED_FILTERS.has(key as keyof CrashFilter));
  if (others.some(([, value]) => value !== undefined)) return false;
  return (!filter.from || JANUARY_FIRST.test(filter.from)) && (!filter.to || DECEMBER_LAST.test(filter.to));
}

/** The filter, one countedAheadAnswers accepts, as conditions on rows with year, severity and source (alias `t`). */
export function countedAheadConditions(filter: CrashFilter, params: SqlParams, t: string): string[] {
  const where: string[] = [];
  if (filter.from) where.push(`${t}.year >= ${params.add(yearOf(filter.from))}::int`);
  if (filter.to) where.push(`${t}.year <= ${params.add(yearOf(filter.to))}::int`);
  if (filter.severities) where.push(`${t}.severity = ANY(${params.add(filter.severities)}::text[])`);
  if (filter.sources) where.push(`${t}.source = ANY(${params.add(filter.sources)}::text[])`);
  return where;
}
