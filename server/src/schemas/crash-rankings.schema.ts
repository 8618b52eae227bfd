// Crash analyses for planners: road sections ranked by a sliding window (network screening), and the breakdowns of
// the filtered crashes by time, cause, crash type, vehicle and weather. Years are Gregorian with the Buddhist Era (+543).
import { Type, type Static } from 'typebox';
import { LonLat, Nullable } from './common.schema';
import { CrashFilterQuery } from './crash-filter.schema';

const SEVERITY_WEIGHT = '(fatal|serious|minor|damage_only):[0-9]{1,6}(\\.[0-9]{1,3})?';

export const RANK_BY = ['epdo', 'crashes', 'deaths', 'eb_excess'] as const;
export type RankBy = (typeof RANK_BY)[number];
export const SECTION_BASES = ['all', 'km', 'osm_line'] as const;
export type SectionBasis = (typeof SECTION_BASES)[number];

export const RoadSectionsQuery = Type.Object(
  {
    ...CrashFilterQuery.properties,
    lengthM: Type.Optional(
      Type.Integer({ minimum: 100, maximum: 5_000, default: 500, description: 'Window length, metres' }),
    ),
    stepM: Type.Optional(
      Type.Integer({
        minimum: 50,
        maximum: 5_000,
        default: 100,
        description: 'How far each window starts after the one before, metres (at most lengthM)',
      }),
    ),
    weights: Type.Optional(
      Type.String({
        pattern: `^${SEVERITY_WEIGHT}(,${SEVERITY_WEIGHT}){0,3}$`,
        description:
          'EPDO weight of a crash by its worst outcome, e.g. fatal:542,serious:29,minor:11,damage_only:1 (the ' +
          'defaults: Highway Safety Manual crash costs over a damage-only crash); a severity left out keeps its default',
      }),
    ),
    rankBy: Type.Optional(
      Type.Union(
        RANK_BY.map((by) => Type.Literal(by)),
        {
          default: 'epdo',
          description:
            'What sections are sorted by, highest first; eb_excess: Empirical Bayes excess crashes (expected − predicted)',
        },
      ),
    ),
    minCrashes: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 10_000,
        default: 3,
        description: 'Black-spot criterion: a window with at least this many crashes',
      }),
    ),
    minDeaths: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 10_000,
        description:
          'Black-spot criterion as well: a window with at least this many deaths (either one is enough)',
      }),
    ),
    basis: Type.Optional(
      Type.Union(
        SECTION_BASES.map((basis) => Type.Literal(basis)),
        {
          default: 'all',
          description:
            'km: windows along DOH road code and kilometre post; osm_line: windows along the snapped OpenStreetMap ' +
            'line for crashes without a kilometre post; all: both',
        },
      ),
    ),
    overlapping: Type.Optional(
      Type.Boolean({
        default: false,
        description:
          'false: list a window only when no window overlapping it on the same road ranks higher (one per hot ' +
          'spot); true: every window',
      }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  },
  { additionalProperties: false },
);
export type RoadSectionsQuery = Static<typeof RoadSectionsQuery>;

const Weights = Type.Object({
  fatal: Type.Number(),
  serious: Type.Number(),
  minor: Type.Number(),
  damage_only: Type.Number(),
});

export const RoadSection = Type.Object({
  /** 1-based place in this list. */
  rank: Type.Integer(),
  basis: Type.Union([Type.Literal('km'), Type.Literal('osm_line')]),
  roadCode: Nullable(Type.String({ description: 'DOH road code (km basis)' })),
  roadName: Nullable(Type.String({ description: "The name most of the window's crashes give" })),
  fromKm: Nullable(Type.Number({ description: 'km basis: the window is [fromKm, toKm)' })),
  toKm: Nullable(Type.Number()),
  roadId: Nullable(Type.Integer({ description: 'osm_line basis: the road line (table roads)' })),
  roadClass: Nullable(Type.String()),
  fromM: Nullable(Type.Number({ description: 'osm_line basis: metres along the line, [fromM, toM)' })),
  toM: Nullable(Type.Number({ description: "Cut at the line's end" })),
  lineLengthM: Nullable(Type.Number()),
  crashes: Type.Integer(),
  deaths: Type.Integer(),
  serious: Type.Integer({ description: 'Seriously injured people' }),
  minor: Type.Integer({ description: 'Slightly injured people' }),
  epdo: Type.Number(),
  predicted: Type.Number({
    description:
      'Crashes a window of this road class predicts over the period: the mean over every window of the ' +
      'class on the roads screened (those with a filtered crash), windows with no crash included (reference ' +
      'population; no traffic volumes are on record, and leaving out roads with no crash makes it lean high)',
  }),
  ebExpected: Type.Number({
    description:
      "Empirical Bayes expected crashes: the window's count weighted with the prediction, 1 / (1 + kμ)",
  }),
  excess: Type.Number({
    description: 'ebExpected − predicted: how many more crashes than its class predicts',
  }),
  years: Type.Array(Type.Integer(), {
    description: "Calendar years the window's sources have data for in the filtered period",
  }),
  yearsBe: Type.Array(Type.Integer()),
  crashesPerYear: Type.Number(),
  location: LonLat,
  blackSpot: Type.Boolean(),
});
export type RoadSection = Static<typeof RoadSection>;

export const RoadSectionsReply = Type.Object({
  lengthM: Type.Integer(),
  stepM: Type.Integer(),
  rankBy: Type.Union(RANK_BY.map((by) => Type.Literal(by))),
  weights: Weights,
  blackSpotCriterion: Type.Object({ minCrashes: Type.Integer(), minDeaths: Nullable(Type.Integer()) }),
  basis: Type.Union(SECTION_BASES.map((basis) => Type.Literal(basis))),
  overlapping: Type.Boolean(),
  /** Windows that would be listed without `limit`, and how many of them are black spots. */
  totalSections: Type.Integer(),
  blackSpots: Type.Integer(),
  coverage: Type.Object({
    filtered: Type.Integer({ description: 'Crashes matching the filter' }),
    km: Type.Integer({ description: 'With a DOH road code and kilometre post' }),
    osmLine: Type.Integer({ description: 'Without a kilometre post, snapped to a major road line' }),
    unplaced: Type.Integer({
      description: 'Without a kilometre post, further than the snapping distance from roads',
    }),
  }),
  excluded: Type.Object({
    noKm: Type.Integer({ description: 'Crashes without a kilometre post that are in no window' }),
    km: Type.Integer({ description: 'Crashes with a kilometre post left out by basis=osm_line' }),
  }),
  sections: Type.Array(RoadSection),
});
export type RoadSectionsReply = Static<typeof RoadSectionsReply>;

export const CrashBreakdownQuery = CrashFilterQuery;
export type CrashBreakdownQuery = Static<typeof CrashBreakdownQuery>;

/** Crashes and deaths under one vocabulary code, with its labels. */
export const CodedCount = Type.Object({
  code: Type.String({ description: "'unknown' for crashes without the value" }),
  th: Type.String(),
  en: Type.String(),
  crashes: Type.Integer(),
  deaths: Type.Integer(),
});
export type CodedCount = Static<typeof CodedCount>;

export const CrashBreakdown = Type.Object({
  total: Type.Object({
    crashes: Type.Integer(),
    deaths: Type.Integer(),
    serious: Type.Integer({ description: 'Seriously injured people' }),
    minor: Type.Integer({ description: 'Slightly injured people' }),
  }),
  byYearMonth: Type.Array(
    Type.Object({
      year: Type.Integer(),
      yearBe: Type.Integer(),
      month: Type.Integer({ minimum: 1, maximum: 12 }),
      crashes: Type.Integer(),
      deaths: Type.Integer(),
    }),
    { description: 'Crashes with a date and time, by Bangkok month' },
  ),
  yearOnly: Type.Array(
    Type.Object({
      year: Type.Integer(),
      yearBe: Type.Integer(),
      crashes: Type.Integer(),
      deaths: Type.Integer(),
    }),
    { description: 'Crashes known only by their year (the fatal-crash points)' },
  ),
  hourByWeekday: Type.Array(Type.Array(Type.Integer(), { minItems: 24, maxItems: 24 }), {
    minItems: 7,
    maxItems: 7,
    description: 'Crashes with a time: [weekday 0 = Sunday][hour 0–23], Bangkok time',
  }),
  byCause: Type.Array(CodedCount),
  byCrashType: Type.Array(CodedCount),
  byVehicle: Type.Array(CodedCount, {
    description:
      'A crash counts under every vehicle type it involves (so the counts add up to more than the total)',
  }),
  byWeather: Type.Array(CodedCount),
});
export type CrashBreakdown = Static<typeof CrashBreakdown>;
