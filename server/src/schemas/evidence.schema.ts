// Snapshots of events, the notification log, event timelines and elephant movement paths.
import { Type, type Static } from 'typebox';
import { IsoDateTime, LonLat } from './common.schema';
import { EVENT_TYPES, EventType } from './event.schema';

export const Snapshot = Type.Object({
  id: Type.Integer(),
  eventId: Type.Integer(),
  kind: Type.Enum(['frame', 'object'] as const, { description: 'Whole frame with boxes, or the best view of the object' }),
  sha256: Type.String(),
  bytes: Type.Integer(),
  createdAt: IsoDateTime,
});
export type Snapshot = Static<typeof Snapshot>;

export const NotificationLogEntry = Type.Object({
  id: Type.Integer(),
  eventId: Type.Integer(),
  channel: Type.String(),
  /** Who it was for (a target's audience, e.g. village_head); null for the channels set in the configuration. */
  audience: Type.Union([Type.String(), Type.Null()]),
  /** Where it went, without secrets: a webhook host or a LINE target id. */
  target: Type.String(),
  ok: Type.Boolean(),
  status: Type.Union([Type.Integer(), Type.Null()]),
  attempts: Type.Integer(),
  error: Type.Union([Type.String(), Type.Null()]),
  sentAt: IsoDateTime,
});
export type NotificationLogEntry = Static<typeof NotificationLogEntry>;

/**
 * Who a notification round could reach, without secrets: counted when an elephant warning is opened or names new
 * places, and kept in its payload (`notifyReach`), so an empty log can say why nobody was told.
 */
export const NotificationReach = Type.Object({
  /** System-wide channels in the workers' configuration (NOTIFY_WEBHOOK_URLS, LINE_TARGETS). */
  channels: Type.Integer({ minimum: 0 }),
  /** Enabled recipients (notification targets) for the event type in these districts or in every district. */
  targets: Type.Integer({ minimum: 0 }),
  /** Of those targets, LINE recipients that cannot be sent to: the workers have no LINE token. */
  lineWithoutToken: Type.Integer({ minimum: 0 }),
  /** The districts (Thai names) the targets were looked up for. */
  districtsTh: Type.Array(Type.String()),
  at: IsoDateTime,
});
export type NotificationReach = Static<typeof NotificationReach>;

export const EventUpdate = Type.Object({
  id: Type.Integer(),
  eventId: Type.Integer(),
  at: IsoDateTime,
  kind: Type.String(),
  username: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Record(Type.String(), Type.Unknown()),
});
export type EventUpdate = Static<typeof EventUpdate>;

export const ElephantPath = Type.Object({
  id: Type.Integer(),
  startedAt: IsoDateTime,
  updatedAt: IsoDateTime,
  points: Type.Array(LonLat),
  sightings: Type.Array(Type.Integer()),
});
export type ElephantPath = Static<typeof ElephantPath>;

export const NOTIFY_CHANNELS = ['webhook', 'line'] as const;

/** A recipient of notifications: a webhook URL or a LINE user/group id, for one audience and optionally one district. */
export const NotificationTargetInput = Type.Object(
  {
    channel: Type.Enum(NOTIFY_CHANNELS),
    target: Type.String({ minLength: 1, maxLength: 500, description: 'https:// URL for a webhook; user or group id for LINE' }),
    audience: Type.String({ minLength: 1, maxLength: 60, description: 'e.g. village_head, ranger, police, operator' }),
    districtTh: Type.Optional(Type.Union([Type.String({ maxLength: 120 }), Type.Null()])),
    station: Type.Optional(
      Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()], {
        description: "A police station's channel: it also hears of that station's footage requests",
      }),
    ),
    // Known types only: an unknown one was accepted before and never matched anything.
    eventTypes: Type.Array(EventType, { minItems: 1, maxItems: EVENT_TYPES.length, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type NotificationTargetInput = Static<typeof NotificationTargetInput>;

/** A stored target as the API shows it: a webhook's `target` is its scheme and host only (the URL is write-only). */
export const NotificationTarget = Type.Object({ id: Type.Integer(), enabled: Type.Boolean(), ...NotificationTargetInput.properties });
export type NotificationTarget = Static<typeof NotificationTarget>;
