// Tunable behaviour of a simulated bus (speeds, braking, dwell, traffic, GPS noise) and the defaults for a town bus.

/** A stretch of the shape where traffic is slower (market, school, roadworks): speed × factor. */
export interface SlowSegment {
  fromM: number;
  toM: number;
  factor: number;
}

export interface JourneyOptions {
  /** Seconds between GPS fixes. */
  fixIntervalS: number;
  /** Standard deviation of the GPS error on each axis, metres. */
  noiseSigmaM: number;
  maxSpeedKmh: number;
  /** Cruise speed range between stops closer than `townSpacingM` (town) and further apart (open road), km/h. */
  townCruiseKmh: readonly [number, number];
  openCruiseKmh: readonly [number, number];
  townSpacingM: number;
  accelMps2: number;
  decelMps2: number;
  /** Dwell at a served stop, seconds (short dwells more likely). */
  dwellS: readonly [number, number];
  /** Chance an intermediate stop is passed without stopping (nobody waiting, nobody ringing). */
  skipProbability: number;
  /** Traffic lights per km and the chance each one is red; red waits are drawn from `redS`. */
  lightsPerKm: number;
  redProbability: number;
  redS: readonly [number, number];
  /** Chance per stop-to-stop segment of a long stop (jam, level crossing, long light), seconds from `longStopS`. */
  longStopProbability: number;
  longStopS: readonly [number, number];
  /** A bus running more than this many seconds early waits at the stop (drivers hold to the timetable). */
  holdEarlyS: number;
  /** Speed factor by local hour (0–23): < 1 in the rush hours. */
  trafficFactor: (localHour: number) => number;
  /** Time zone of the local hour given to `trafficFactor`. */
  timeZone: string;
  slowSegments: readonly SlowSegment[];
  /** Integration step, seconds. */
  stepS: number;
  seed: number | string;
}

/** Morning and evening rush slow the buses; the night is a little faster. */
export function defaultTrafficFactor(hour: number): number {
  if ((hour >= 7 && hour < 9) || (hour >= 16 && hour < 19)) return 0.8;
  if (hour >= 11 && hour < 13) return 0.92;
  if (hour >= 22 || hour < 5) return 1.1;
  return 1;
}

export const DEFAULT_JOURNEY_OPTIONS: JourneyOptions = {
  fixIntervalS: 5,
  noiseSigmaM: 4,
  maxSpeedKmh: 60,
  townCruiseKmh: [22, 35],
  openCruiseKmh: [38, 55],
  townSpacingM: 800,
  accelMps2: 1.0,
  decelMps2: 1.3,
  dwellS: [15, 60],
  skipProbability: 0.1,
  lightsPerKm: 0.6,
  redProbability: 0.5,
  redS: [10, 60],
  longStopProbability: 0.03,
  longStopS: [90, 240],
  holdEarlyS: 60,
  trafficFactor: defaultTrafficFactor,
  timeZone: 'Asia/Bangkok',
  slowSegments: [],
  stepS: 0.5,
  seed: 1,
};

const hourFormats = new Map<string, Intl.DateTimeFormat>();

/** The hour (0–23) of a moment in a time zone. */
export function localHour(at: Date, timeZone: string): number {
  let format = hourFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', hourCycle: 'h23' });
    hourFormats.set(timeZone, format);
  }
  return Number(format.format(at)) % 24;
}

/** GTFS route types that run on rails (tram, subway, rail, cable tram, monorail). */
const RAIL_ROUTE_TYPES = new Set([0, 1, 2, 5, 12]);

/** Trains: faster, longer braking, no traffic lights, every stop served. */
const RAIL_OPTIONS: Partial<JourneyOptions> = {
  maxSpeedKmh: 110,
  townCruiseKmh: [60, 90],
  openCruiseKmh: [85, 110],
  townSpacingM: 2500,
  accelMps2: 0.6,
  decelMps2: 0.8,
  dwellS: [30, 75],
  skipProbability: 0,
  lightsPerKm: 0,
  longStopProbability: 0.01,
};

/** The journey figures a GTFS route type calls for on top of the defaults (none for buses). */
export const optionsForRouteType = (routeType: number): Partial<JourneyOptions> =>
  RAIL_ROUTE_TYPES.has(routeType) ? RAIL_OPTIONS : {};
