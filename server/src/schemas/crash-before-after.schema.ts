// Before/after of a safety measure at a site: the query (site, date, period, comparison group, the planners' filter)
// and the reply with the counts, the periods and the verdict.
import { Type, type Static } from 'typebox';
import { Nullable } from './common.schema';
import { CrashFilterQuery } from './crash-filter.schema';

const AreaCode = Type.String({ pattern: '^TH[0-9]{2}([0-9]{2}([0-9]{2})?)?$' });

export const BeforeAfterQuery = Type.Object(
  {
    ...CrashFilterQuery.properties,
    date: Type.String({
      format: 'date',
      description: 'The day the measure took effect (Bangkok), YYYY-MM-DD',
    }),
    periodDays: Type.Optional(
      Type.Integer({
        minimum: 30,
        maximum: 1826,
        default: 365,
        description: 'Length of each period; shortened to the data',
      }),
    ),
    siteArea: Type.Optional(AreaCode),
    sitePolygon: Type.Optional(
      Type.String({ maxLength: 100_000, description: 'The site as a GeoJSON Polygon' }),
    ),
    siteRoad: Type.Optional(
      Type.String({ pattern: '^[0-9A-Za-z.-]{1,20}$', description: 'DOH road number' }),
    ),
    fromKm: Type.Optional(Type.Number({ minimum: 0, maximum: 10_000 })),
    toKm: Type.Optional(Type.Number({ minimum: 0, maximum: 10_000 })),
    comparisonArea: Type.Optional(AreaCode),
  },
  { additionalProperties: false },
);
export type BeforeAfterQuery = Static<typeof BeforeAfterQuery>;

const Text = Type.Object({ en: Type.String(), th: Type.String() });
const Span = Type.Object({ from: Type.String(), to: Type.String() });

export const BeforeAfterReply = Type.Object({
  periods: Type.Object({ days: Type.Integer(), before: Span, after: Span }),
  site: Type.Object({
    before: Type.Integer(),
    after: Type.Integer(),
    deathsBefore: Type.Integer(),
    deathsAfter: Type.Integer(),
  }),
  comparison: Type.Object({ before: Type.Integer(), after: Type.Integer(), area: Nullable(Type.String()) }),
  /** Crashes at the site known only by their year: no period can hold them. */
  yearOnlyAtSite: Type.Integer(),
  verdict: Type.Object({
    siteRatio: Nullable(Type.Number()),
    comparisonRatio: Nullable(Type.Number()),
    theta: Nullable(Type.Number()),
    interval: Nullable(Type.Array(Type.Number(), { minItems: 2, maxItems: 2 })),
    pValue: Nullable(Type.Number()),
    expectedAfter: Nullable(Type.Number()),
    conclusion: Type.Union([
      Type.Literal('fewer'),
      Type.Literal('more'),
      Type.Literal('no_significant_change'),
      Type.Literal('too_few'),
    ]),
    message: Text,
    warnings: Type.Array(Text),
  }),
});
export type BeforeAfterReply = Static<typeof BeforeAfterReply>;
