// Pure checks that turn one CSV row of each GTFS file into a typed row, or throw RowRejected with the reason.
import {
  isTimeZone,
  latitude,
  longitude,
  optionalColor,
  optionalInteger,
  optionalNumber,
  optionalText,
  optionalTime,
  reject,
  requiredDate,
  requiredInteger,
  requiredText,
  requiredTime,
} from './gtfs-fields';
import { splitBilingualName } from './gtfs-names';

type Fields = Record<string, string | undefined>;
export type Translations = Record<string, string>;

export interface AgencyRow {
  agencyId: string;
  name: string;
  url: string | null;
  timezone: string;
  lang: string | null;
  phone: string | null;
}
export interface StopRow {
  stopId: string;
  code: string | null;
  name: string;
  translations: Translations;
  description: string | null;
  lon: number;
  lat: number;
  zoneId: string | null;
  locationType: number;
  parentStation: string | null;
  wheelchair: number | null;
}
export interface RouteRow {
  routeId: string;
  agencyId: string | null;
  shortName: string | null;
  longName: string | null;
  translations: Translations;
  routeType: number;
  color: string | null;
  textColor: string | null;
}
export interface CalendarRow {
  serviceId: string;
  weekdays: boolean[];
  startDate: string;
  endDate: string;
}
export interface CalendarDateRow {
  serviceId: string;
  date: string;
  exceptionType: number;
}
export interface ShapePointRow {
  shapeId: string;
  sequence: number;
  lon: number;
  lat: number;
  distTraveled: number | null;
}
export interface TripRow {
  tripId: string;
  routeId: string;
  serviceId: string;
  headsign: string | null;
  translations: Translations;
  directionId: number | null;
  blockId: string | null;
  shapeId: string | null;
}
export interface StopTimeRow {
  tripId: string;
  stopSequence: number;
  stopId: string;
  arrivalS: number | null;
  departureS: number | null;
  shapeDistM: number | null;
  timepoint: number | null;
}
export interface FrequencyRow {
  tripId: string;
  startS: number;
  endS: number;
  headwayS: number;
  exactTimes: number;
}
export interface TranslationRow {
  key: string;
  language: string;
  translation: string;
}

/** Ids already read from earlier files, for reference checks. */
export interface FeedIds {
  agencies: ReadonlySet<string>;
  stops: ReadonlySet<string>;
  routes: ReadonlySet<string>;
  services: ReadonlySet<string>;
  trips: ReadonlySet<string>;
}

const MAX_SECONDS = 7 * 24 * 3600;
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

const mustKnow = (ids: ReadonlySet<string>, value: string, field: string, file: string) => {
  if (!ids.has(value)) reject(`${field} "${value}" is not in ${file}`, `ไม่พบ ${field} "${value}" ใน ${file}`);
};

/** Display name plus translations: from a "ไทย;English" value, then translations.txt on top. */
function named(raw: string, extra: Translations | undefined): { name: string; translations: Translations } {
  const split = splitBilingualName(raw);
  return { name: split.name, translations: { ...split.translations, ...extra } };
}

export function agencyRow(f: Fields, agencyCount: number): AgencyRow {
  const timezone = requiredText(f, 'agency_timezone');
  if (!isTimeZone(timezone))
    reject(`agency_timezone "${timezone}" is not a known time zone`, `ไม่รู้จักเขตเวลา "${timezone}"`);
  // agency_id may be blank when the feed has one agency; give it a stable id so routes can refer to it.
  const agencyId =
    optionalText(f, 'agency_id') ??
    (agencyCount === 0
      ? ''
      : reject('agency_id is required when there are several agencies', 'ต้องมี agency_id เมื่อมีหลายหน่วยงาน'));
  return {
    agencyId,
    name: splitBilingualName(requiredText(f, 'agency_name')).name,
    url: optionalText(f, 'agency_url'),
    timezone,
    lang: optionalText(f, 'agency_lang'),
    phone: optionalText(f, 'agency_phone'),
  };
}

export function stopRow(
  f: Fields,
  translationsFor: (id: string, name: string) => Translations | undefined,
): StopRow {
  const stopId = requiredText(f, 'stop_id');
  const locationType = optionalInteger(f, 'location_type', 0, 4) ?? 0;
  // Entrances' generic nodes and boarding areas (3, 4) may have no position; this model needs one for every stop.
  const lat = latitude(f, 'stop_lat');
  const lon = longitude(f, 'stop_lon');
  if (lat === 0 && lon === 0) reject('stop_lat/stop_lon are 0,0', 'พิกัดป้ายเป็น 0,0');
  const rawName = optionalText(f, 'stop_name') ?? (locationType >= 3 ? stopId : requiredText(f, 'stop_name'));
  return {
    stopId,
    code: optionalText(f, 'stop_code'),
    ...named(rawName, translationsFor(stopId, rawName)),
    description: optionalText(f, 'stop_desc'),
    lon,
    lat,
    zoneId: optionalText(f, 'zone_id'),
    locationType,
    parentStation: optionalText(f, 'parent_station'),
    wheelchair: optionalInteger(f, 'wheelchair_boarding', 0, 2),
  };
}

export function routeRow(
  f: Fields,
  ids: FeedIds,
  translationsFor: (id: string, name: string) => Translations | undefined,
): RouteRow {
  const routeId = requiredText(f, 'route_id');
  let agencyId = optionalText(f, 'agency_id');
  if (agencyId === null && ids.agencies.size === 1) agencyId = [...ids.agencies][0]!;
  if (agencyId !== null) mustKnow(ids.agencies, agencyId, 'agency_id', 'agency.txt');
  const shortName = optionalText(f, 'route_short_name');
  const rawLong = optionalText(f, 'route_long_name');
  if (!shortName && !rawLong)
    reject('route_short_name or route_long_name is required', 'ต้องมีชื่อสายแบบสั้นหรือแบบยาว');
  const longName = rawLong ? named(rawLong, translationsFor(routeId, rawLong)) : null;
  return {
    routeId,
    agencyId,
    shortName: shortName ? splitBilingualName(shortName).name : null,
    longName: longName?.name ?? null,
    translations: longName?.translations ?? translationsFor(routeId, shortName!) ?? {},
    routeType: requiredInteger(f, 'route_type', 0, 1702),
    color: optionalColor(f, 'route_color'),
    textColor: optionalColor(f, 'route_text_color'),
  };
}

export function calendarRow(f: Fields): CalendarRow {
  const serviceId = requiredText(f, 'service_id');
  const weekdays = WEEKDAYS.map((day) => requiredInteger(f, day, 0, 1) === 1);
  const startDate = requiredDate(f, 'start_date');
  const endDate = requiredDate(f, 'end_date');
  if (endDate < startDate) reject('end_date is before start_date', 'end_date อยู่ก่อน start_date');
  return { serviceId, weekdays, startDate, endDate };
}

export function calendarDateRow(f: Fields): CalendarDateRow {
  return {
    serviceId: requiredText(f, 'service_id'),
    date: requiredDate(f, 'date'),
    exceptionType: requiredInteger(f, 'exception_type', 1, 2),
  };
}

export function shapePointRow(f: Fields): ShapePointRow {
  return {
    shapeId: requiredText(f, 'shape_id'),
    lat: latitude(f, 'shape_pt_lat'),
    lon: longitude(f, 'shape_pt_lon'),
    sequence: requiredInteger(f, 'shape_pt_sequence', 0, 2 ** 31 - 1),
    distTraveled: optionalNumber(f, 'shape_dist_traveled'),
  };
}

export function tripRow(
  f: Fields,
  ids: FeedIds,
  translationsFor: (id: string, name: string) => Translations | undefined,
): TripRow {
  const tripId = requiredText(f, 'trip_id');
  const routeId = requiredText(f, 'route_id');
  mustKnow(ids.routes, routeId, 'route_id', 'routes.txt');
  const serviceId = requiredText(f, 'service_id');
  mustKnow(ids.services, serviceId, 'service_id', 'calendar.txt/calendar_dates.txt');
  const rawHeadsign = optionalText(f, 'trip_headsign');
  const headsign = rawHeadsign ? named(rawHeadsign, translationsFor(tripId, rawHeadsign)) : null;
  return {
    tripId,
    routeId,
    serviceId,
    headsign: headsign?.name ?? null,
    translations: headsign?.translations ?? {},
    directionId: optionalInteger(f, 'direction_id', 0, 1),
    blockId: optionalText(f, 'block_id'),
    shapeId: optionalText(f, 'shape_id'),
  };
}

export function stopTimeRow(f: Fields, ids: FeedIds): StopTimeRow {
  const tripId = requiredText(f, 'trip_id');
  mustKnow(ids.trips, tripId, 'trip_id', 'trips.txt');
  const stopId = requiredText(f, 'stop_id');
  mustKnow(ids.stops, stopId, 'stop_id', 'stops.txt');
  let arrivalS = optionalTime(f, 'arrival_time');
  let departureS = optionalTime(f, 'departure_time');
  // One of the pair alone means the bus does not wait: the other is the same moment.
  arrivalS ??= departureS;
  departureS ??= arrivalS;
  if (arrivalS !== null && departureS !== null && departureS < arrivalS)
    reject('departure_time is before arrival_time', 'เวลาออกอยู่ก่อนเวลาถึง');
  if ((arrivalS ?? 0) > MAX_SECONDS)
    reject('arrival_time is more than 7 days after midnight', 'เวลาถึงเกิน 7 วัน');
  const shapeDist = optionalNumber(f, 'shape_dist_traveled');
  if (shapeDist !== null && shapeDist < 0)
    reject('shape_dist_traveled is negative', 'shape_dist_traveled ติดลบ');
  return {
    tripId,
    stopSequence: requiredInteger(f, 'stop_sequence', 0, 2 ** 31 - 1),
    stopId,
    arrivalS,
    departureS,
    shapeDistM: shapeDist,
    timepoint: optionalInteger(f, 'timepoint', 0, 1),
  };
}

export function frequencyRow(f: Fields, ids: FeedIds): FrequencyRow {
  const tripId = requiredText(f, 'trip_id');
  mustKnow(ids.trips, tripId, 'trip_id', 'trips.txt');
  const startS = requiredTime(f, 'start_time');
  const endS = requiredTime(f, 'end_time');
  if (endS <= startS) reject('end_time must be after start_time', 'end_time ต้องอยู่หลัง start_time');
  return {
    tripId,
    startS,
    endS,
    headwayS: requiredInteger(f, 'headway_secs', 1, 86_400),
    exactTimes: optionalInteger(f, 'exact_times', 0, 1) ?? 0,
  };
}

/** translations.txt (GTFS spec form): keyed by table/field and record_id, or by the field's original value. */
export function translationRow(f: Fields): TranslationRow {
  const table = requiredText(f, 'table_name');
  const field = requiredText(f, 'field_name');
  const language = requiredText(f, 'language').toLowerCase();
  const translation = requiredText(f, 'translation');
  const recordId = optionalText(f, 'record_id');
  const fieldValue = optionalText(f, 'field_value');
  if (!recordId && !fieldValue)
    reject('record_id or field_value is required', 'ต้องมี record_id หรือ field_value');
  return {
    key: translationKey(table, field, recordId ? { recordId } : { fieldValue: fieldValue! }),
    language,
    translation,
  };
}

export const translationKey = (
  table: string,
  field: string,
  by: { recordId: string } | { fieldValue: string },
): string =>
  'recordId' in by
    ? `${table}\u0000${field}\u0000id\u0000${by.recordId}`
    : `${table}\u0000${field}\u0000value\u0000${by.fieldValue}`;
