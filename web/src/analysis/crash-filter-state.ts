// The planner's crash filter as the page holds it, and as the query string every crash analysis route takes.
import type { CrashFilterQuery } from '@toc/server/schemas';

export type Severity = 'fatal' | 'serious' | 'minor' | 'damage_only';
export const SEVERITIES: readonly Severity[] = ['fatal', 'serious', 'minor', 'damage_only'];

export interface DrawnPolygon {
  type: 'Polygon';
  coordinates: [number, number][][];
}

export interface CrashFilterState {
  /** Area code: TH (country), TH24 (province), TH2401 (district), TH240101 (sub-district); '' for none. */
  area: string;
  polygon: DrawnPolygon | null;
  /** YYYY-MM-DD (Bangkok), '' for open. */
  from: string;
  to: string;
  weekdays: number[];
  hours: number[];
  festival: '' | 'songkran' | 'new_year';
  causes: string[];
  crashTypes: string[];
  vehicles: string[];
  weather: string[];
  severities: Severity[];
}

/** Chachoengsao (the reference province), all years, everything else open. */
export const DEFAULT_FILTER: CrashFilterState = {
  area: 'TH24',
  polygon: null,
  from: '',
  to: '',
  weekdays: [],
  hours: [],
  festival: '',
  causes: [],
  crashTypes: [],
  vehicles: [],
  weather: [],
  severities: [],
};

const joined = (values: readonly (string | number)[]) => (values.length > 0 ? values.join(',') : undefined);

/** The filter as the routes' query parameters (only what is set). */
export function crashFilterQuery(filter: CrashFilterState): CrashFilterQuery {
  const query: CrashFilterQuery = {
    area: filter.area || undefined,
    polygon: filter.polygon ? JSON.stringify(filter.polygon) : undefined,
    from: filter.from || undefined,
    to: filter.to || undefined,
    weekday: joined([...filter.weekdays].sort((a, b) => a - b)),
    hour: joined([...filter.hours].sort((a, b) => a - b)),
    festival: filter.festival || undefined,
    cause: joined(filter.causes),
    crashType: joined(filter.crashTypes),
    vehicle: joined(filter.vehicles),
    weather: joined(filter.weather),
    severity: joined(filter.severities),
  };
  return Object.fromEntries(
    Object.entries(query).filter(([, value]) => value !== undefined),
  ) as CrashFilterQuery;
}

/** `a=1&b=2` of the filter and any extra parameters, for tile and download URLs. */
export function crashQueryString(
  filter: CrashFilterState,
  extra: Record<string, string | number> = {},
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...crashFilterQuery(filter), ...extra })) {
    if (value !== undefined) params.set(key, String(value));
  }
  return params.toString();
}

const listOf = (text: string | null) => (text ? text.split(',').filter(Boolean) : []);
const numbersOf = (text: string | null) => listOf(text).map(Number).filter(Number.isInteger);

/** The filter back from its query string (the printed report opens with the page's filter in its address). */
export function readCrashQuery(params: URLSearchParams): CrashFilterState {
  let polygon: DrawnPolygon | null = null;
  try {
    const parsed = JSON.parse(params.get('polygon') ?? 'null') as DrawnPolygon | null;
    if (parsed?.type === 'Polygon' && Array.isArray(parsed.coordinates)) polygon = parsed;
  } catch {
    polygon = null; // a damaged address: the report shows the rest of the filter
  }
  const festival = params.get('festival');
  return {
    area: params.get('area') ?? '',
    polygon,
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    weekdays: numbersOf(params.get('weekday')),
    hours: numbersOf(params.get('hour')),
    festival: festival === 'songkran' || festival === 'new_year' ? festival : '',
    causes: listOf(params.get('cause')),
    crashTypes: listOf(params.get('crashType')),
    vehicles: listOf(params.get('vehicle')),
    weather: listOf(params.get('weather')),
    severities: listOf(params.get('severity')).filter((s): s is Severity =>
      SEVERITIES.includes(s as Severity),
    ),
  };
}
