// Pure parsing of incoming fixes (OsmAnd fields or a JSON batch fix) into GpsFix, with a bilingual reason when malformed.
import type { BatchFix, GpsFix, OsmAndParams } from '../../schemas';

export interface Malformed {
  reason: string;
  reasonTh: string;
}
export type ParsedFix = { fix: GpsFix } | { malformed: Malformed };

const KNOTS_TO_KMH = 1.852;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;
/** Above this a numeric timestamp is milliseconds: 1e11 s is the year 5138, 1e11 ms is 1973. */
const MILLISECONDS_FROM = 1e11;

class MalformedError extends Error {
  constructor(
    readonly th: string,
    en: string,
  ) {
    super(en);
  }
}

const notNumber = (field: string) => new MalformedError(`${field} ไม่ใช่ตัวเลข`, `${field} is not a number`);

function decimal(value: string | undefined, field: string): number | null {
  if (value === undefined || value.trim() === '') return null;
  if (!DECIMAL.test(value.trim())) throw notNumber(field);
  return Number(value);
}

function required(value: number | null, field: string): number {
  if (value === null) throw new MalformedError(`ไม่มีค่า ${field}`, `${field} is missing`);
  return value;
}

/** Unix seconds, unix milliseconds, or ISO 8601 (no zone = UTC, as Traccar reads it). */
export function parseTimestamp(value: string | number): Date {
  const text = typeof value === 'number' ? String(value) : value.trim();
  let ms: number;
  if (typeof value === 'number' || DECIMAL.test(text)) {
    const n = Number(text);
    ms = Math.abs(n) >= MILLISECONDS_FROM ? n : n * 1000;
  } else if (ISO_DATE.test(text)) {
    const withT = text.replace(' ', 'T');
    ms = Date.parse(/(Z|[+-]\d{2}(:?\d{2})?)$/.test(withT) || withT.length === 10 ? withT : `${withT}Z`);
  } else {
    ms = Number.NaN;
  }
  const date = new Date(ms);
  if (!Number.isFinite(ms) || Number.isNaN(date.getTime())) {
    throw new MalformedError(
      'timestamp ต้องเป็นวินาทีหรือมิลลิวินาที unix หรือ ISO 8601',
      'timestamp must be unix seconds, unix milliseconds or ISO 8601',
    );
  }
  return date;
}

/** Devices send −1 (or nonsense) for "unknown" bearing, speed or accuracy: keep the fix, drop the value. */
const within = (value: number | null | undefined, min: number, max: number): number | null =>
  value === null || value === undefined || value < min || value > max ? null : value;

/**
 * A position no receiver can report: off the globe or not finite. (0,0 is what a real unit sends with no satellite fix:
 * it passes here and the worker's filter counts it per device, which tells a technician the antenna is bad.)
 */
function checkPosition(lat: number, lon: number): void {
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) {
    throw new MalformedError(`lat ${lat} อยู่นอกช่วง −90 ถึง 90`, `lat ${lat} is outside −90…90`);
  }
  if (!Number.isFinite(lon) || lon < -180 || lon > 180) {
    throw new MalformedError(`lon ${lon} อยู่นอกช่วง −180 ถึง 180`, `lon ${lon} is outside −180…180`);
  }
}

function build(
  deviceId: string,
  lat: number,
  lon: number,
  fixTime: Date,
  rest: {
    speedKmh?: number | null;
    bearingDeg?: number | null;
    altitudeM?: number | null;
    accuracyM?: number | null;
  },
): GpsFix {
  checkPosition(lat, lon);
  return {
    deviceId,
    lat,
    lon,
    fixTime: fixTime.toISOString(),
    speedKmh: within(rest.speedKmh, 0, Number.MAX_VALUE),
    bearingDeg: within(rest.bearingDeg, 0, 360),
    altitudeM: within(rest.altitudeM, -1000, 100_000),
    accuracyM: within(rest.accuracyM, 0, Number.MAX_VALUE),
  };
}

function attempt(parse: () => GpsFix): ParsedFix {
  try {
    return { fix: parse() };
  } catch (error) {
    if (!(error instanceof MalformedError)) throw error;
    return {
      malformed: { reason: `Malformed fix: ${error.message}`, reasonTh: `ตำแหน่งไม่ถูกต้อง: ${error.th}` },
    };
  }
}

/** OsmAnd fields as Traccar reads them: speed in knots, `location=lat,lon` instead of lat/lon, no timestamp = now. */
export function parseOsmAnd(deviceId: string, params: OsmAndParams, receivedAt: Date): ParsedFix {
  return attempt(() => {
    let lat = decimal(params.lat, 'lat');
    let lon = decimal(params.lon, 'lon');
    if (params.location !== undefined && lat === null && lon === null) {
      const parts = params.location.split(',');
      if (parts.length !== 2)
        throw new MalformedError('location ต้องอยู่ในรูป lat,lon', 'location must be lat,lon');
      lat = decimal(parts[0], 'location lat');
      lon = decimal(parts[1], 'location lon');
    }
    const fixTime = params.timestamp?.trim() ? parseTimestamp(params.timestamp) : receivedAt;
    const knots = decimal(params.speed, 'speed');
    return build(deviceId, required(lat, 'lat'), required(lon, 'lon'), fixTime, {
      speedKmh: knots === null ? null : knots * KNOTS_TO_KMH,
      bearingDeg: decimal(params.bearing ?? params.heading, 'bearing'),
      altitudeM: decimal(params.altitude, 'altitude'),
      accuracyM: decimal(params.accuracy, 'accuracy'),
    });
  });
}

/** A fix of the JSON batch (types already checked by the route schema): speed in km/h. */
export function parseBatchFix(deviceId: string, fix: BatchFix): ParsedFix {
  return attempt(() =>
    build(deviceId, fix.lat, fix.lon, parseTimestamp(fix.timestamp), {
      speedKmh: fix.speed,
      bearingDeg: fix.bearing,
      altitudeM: fix.altitude,
      accuracyM: fix.accuracy,
    }),
  );
}
