// The planners' crash filter, as every analysis route takes it in its query string (lists are comma-separated).
import { Type, type Static } from 'typebox';

const codeList = (description: string) =>
  Type.Optional(Type.String({ pattern: '^[a-z0-9_]{1,40}(,[a-z0-9_]{1,40}){0,40}$', description }));

export const CrashFilterQuery = Type.Object(
  {
    area: Type.Optional(
      Type.String({
        pattern: '^TH([0-9]{2}([0-9]{2}([0-9]{2})?)?)?$',
        description: 'Country (TH), province, district or sub-district code, e.g. TH24, TH2401, TH240101',
      }),
    ),
    polygon: Type.Optional(
      Type.String({
        maxLength: 100_000,
        description: 'A drawn area: a GeoJSON Polygon (lon/lat), at most 2,000 points',
      }),
    ),
    from: Type.Optional(Type.String({ format: 'date', description: 'First day (Bangkok), YYYY-MM-DD' })),
    to: Type.Optional(
      Type.String({ format: 'date', description: 'Last day (Bangkok), YYYY-MM-DD, included' }),
    ),
    weekday: Type.Optional(
      Type.String({ pattern: '^[0-6](,[0-6]){0,6}$', description: 'Days of the week, 0 = Sunday' }),
    ),
    hour: Type.Optional(
      Type.String({
        pattern: '^([0-9]|1[0-9]|2[0-3])(,([0-9]|1[0-9]|2[0-3])){0,23}$',
        description: 'Hours 0–23 (Bangkok)',
      }),
    ),
    festival: Type.Optional(
      Type.Union([Type.Literal('songkran'), Type.Literal('new_year')], {
        description: 'The "seven dangerous days": Songkran 11–17 April, New Year 29 December – 4 January',
      }),
    ),
    cause: codeList('Cause codes'),
    crashType: codeList('Crash type codes'),
    vehicle: codeList('Vehicle codes (a crash involving any of them)'),
    weather: codeList('Weather codes'),
    severity: Type.Optional(
      Type.String({
        pattern: '^(fatal|serious|minor|damage_only)(,(fatal|serious|minor|damage_only)){0,3}$',
        description: 'fatal (a death), serious (serious injury, no death), minor, damage_only',
      }),
    ),
    source: Type.Optional(
      Type.String({ pattern: '^(doh_csv|fatal_points|camera)(,(doh_csv|fatal_points|camera)){0,2}$' }),
    ),
  },
  { additionalProperties: false },
);
export type CrashFilterQuery = Static<typeof CrashFilterQuery>;
