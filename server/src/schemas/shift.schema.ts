// Shift tools: the shift log (handover notes between shifts, append-only) and the summary of one Bangkok day's alarms.
import { Type, type Static } from 'typebox';
import { Id, IsoDateTime } from './common.schema';
import { EventStatus, EventType, Severity } from './event.schema';

export const SHIFT_LOG_KINDS = ['handover', 'note'] as const;
export const ShiftLogKind = Type.Enum(SHIFT_LOG_KINDS);
export type ShiftLogKind = (typeof SHIFT_LOG_KINDS)[number];

export const SHIFT_LOG_BODY_MAX = 4000;
export const SHIFT_LOG_PAGE_DEFAULT = 50;
export const SHIFT_LOG_PAGE_MAX = 200;

export const ShiftLogInput = Type.Object(
  {
    kind: ShiftLogKind,
    // At least one character that is not white space: an empty note hands nothing over.
    body: Type.String({
      minLength: 1,
      maxLength: SHIFT_LOG_BODY_MAX,
      pattern: '\\S',
      description: 'The note (1–4000 characters)',
    }),
    eventId: Type.Optional(Id({ description: 'The alarm the entry is about' })),
  },
  { additionalProperties: false },
);
export type ShiftLogInput = Static<typeof ShiftLogInput>;

export const ShiftLogEntry = Type.Object({
  id: Type.Integer(),
  at: IsoDateTime,
  kind: ShiftLogKind,
  body: Type.String(),
  eventId: Type.Union([Type.Integer(), Type.Null()]),
  userId: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
});
export type ShiftLogEntry = Static<typeof ShiftLogEntry>;

export const ShiftLogQuery = Type.Object(
  {
    from: Type.Optional(IsoDateTime),
    to: Type.Optional(IsoDateTime),
    limit: Type.Integer({ minimum: 1, maximum: SHIFT_LOG_PAGE_MAX, default: SHIFT_LOG_PAGE_DEFAULT }),
    offset: Type.Integer({ minimum: 0, maximum: 100_000, default: 0 }),
  },
  { additionalProperties: false },
);
export type ShiftLogQuery = Static<typeof ShiftLogQuery>;

export const ShiftLogPage = Type.Object({
  items: Type.Array(ShiftLogEntry),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});
export type ShiftLogPage = Static<typeof ShiftLogPage>;

/** A Bangkok calendar day, `YYYY-MM-DD` (year 0000 is no PostgreSQL year). */
export const BangkokDay = (options: { description?: string } = {}) =>
  Type.String({ format: 'date', pattern: '^(?!0000)\\d{4}-\\d{2}-\\d{2}$', ...options });

export const ShiftSummaryQuery = Type.Object(
  { day: Type.Optional(BangkokDay({ description: 'Bangkok calendar day (default: today in Bangkok)' })) },
  { additionalProperties: false },
);
export type ShiftSummaryQuery = Static<typeof ShiftSummaryQuery>;

const Count = Type.Integer({ minimum: 0 });

export const ShiftSummary = Type.Object({
  day: BangkokDay(),
  /** The day's first instant (Bangkok midnight) and the next day's. */
  from: IsoDateTime,
  to: IsoDateTime,
  /** Alarms that started that day (measurements such as vehicle and crowd counts are no alarms). */
  total: Count,
  byType: Type.Array(Type.Object({ type: EventType, count: Count })),
  byStatus: Type.Array(Type.Object({ status: EventStatus, count: Count })),
  bySeverity: Type.Array(Type.Object({ severity: Severity, count: Count })),
  /** District of the nearest place (within 15 km) that names one; null: no such place, or no location. */
  byDistrict: Type.Array(
    Type.Object({
      district: Type.Union([Type.String(), Type.Null()]),
      districtTh: Type.Union([Type.String(), Type.Null()]),
      count: Count,
    }),
  ),
  acknowledged: Count,
  /** Seconds from start to acknowledgement, over the acknowledged alarms; null when none was. */
  meanAckS: Type.Union([Type.Number(), Type.Null()]),
  medianAckS: Type.Union([Type.Number(), Type.Null()]),
  /** Still open: nobody has acknowledged or closed them (or the pipeline reopened them). */
  unacknowledged: Count,
  escalated: Count,
  /** Repeat triggers folded into these alarms instead of opening new ones (occurrences beyond the first). */
  repeatsFolded: Count,
});
export type ShiftSummary = Static<typeof ShiftSummary>;
