// Shared building blocks for every REST, socket and job schema.
import { Type, type Static } from 'typebox';

export const Role = Type.Union(
  [
    Type.Literal('admin'),
    Type.Literal('operator'),
    Type.Literal('police'),
    Type.Literal('planner'),
    Type.Literal('viewer'),
  ],
  { description: 'User role' },
);
export type Role = Static<typeof Role>;
export const ROLES: readonly Role[] = ['admin', 'operator', 'police', 'planner', 'viewer'];

export const LonLat = Type.Object(
  {
    lon: Type.Number({ minimum: -180, maximum: 180 }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
  },
  { additionalProperties: false },
);
export type LonLat = Static<typeof LonLat>;

/** The largest PostgreSQL `integer`, the type of the id columns: a larger id must fail at the door, not in the database. */
export const MAX_INT4 = 2_147_483_647;

/** A row id in a path, query or body. */
export const Id = (options: { description?: string } = {}) =>
  Type.Integer({ minimum: 1, maximum: MAX_INT4, ...options });

export const IdParams = Type.Object({ id: Id() });
export type IdParams = Static<typeof IdParams>;

/** Every 4xx/5xx reply: a machine code and a reason in English and Thai. */
export const ErrorReply = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String({ description: 'Reason in English' }),
  messageTh: Type.Optional(Type.String({ description: 'Reason in Thai' })),
});
export type ErrorReply = Static<typeof ErrorReply>;

/** The schema, or null. */
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** RFC 3339 date and time; year 0000 is a valid RFC 3339 year but no PostgreSQL one. */
export const IsoDateTime = Type.String({ format: 'date-time', pattern: '^(?!0000)' });
