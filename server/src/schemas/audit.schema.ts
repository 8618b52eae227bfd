// The audit log as administrators read it: filters, one row, a page of rows newest first.
import { Type, type Static } from 'typebox';
import { IsoDateTime } from './common.schema';

export const AUDIT_PAGE_DEFAULT = 100;
export const AUDIT_PAGE_MAX = 500;
/** A CSV export carries at most this many rows (newest first); a longer period is exported in parts. */
export const AUDIT_CSV_MAX = 20_000;

export const AuditQuery = Type.Object(
  {
    from: Type.Optional(IsoDateTime),
    to: Type.Optional(IsoDateTime),
    user: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Username (any case)' })),
    action: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: "Action prefix: 'camera.' finds camera.live.view, camera.delete…",
      }),
    ),
    target: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: "Exact target, e.g. 'camera:3'" }),
    ),
    before: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: Number.MAX_SAFE_INTEGER, // the id is a bigint; beyond this a JS number is not exact
        description: 'Cursor: only rows with a smaller id (nextBefore of the previous page)',
      }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: AUDIT_PAGE_MAX, default: AUDIT_PAGE_DEFAULT })),
    format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditRecord = Type.Object({
  id: Type.Integer(),
  at: IsoDateTime,
  userId: Type.Union([Type.Integer(), Type.Null()]),
  username: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  target: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Record(Type.String(), Type.Unknown()),
  ip: Type.Union([Type.String(), Type.Null()]),
  userAgent: Type.Union([Type.String(), Type.Null()]),
});
export type AuditRecord = Static<typeof AuditRecord>;

export const AuditPage = Type.Object({
  items: Type.Array(AuditRecord),
  nextBefore: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Pass as `before` for the next (older) page; null at the end',
  }),
});
export type AuditPage = Static<typeof AuditPage>;
