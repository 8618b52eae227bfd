// Events: what the pipeline found, where, and what operators did about it.
import { Type, type Static } from 'typebox';
import { Id, IsoDateTime, LonLat } from './common.schema';

export const EVENT_TYPES = [
  'traffic.vehicles',
  'traffic.accident',
  'traffic.incident',
  'traffic.congestion',
  'elephant.sighting',
  'elephant.warning',
  'crowd.count',
  'crowd.alert',
  'bus.off_route',
  'bus.overspeed',
  'bus.bunching',
  'bus.gap',
  'bus.stale',
  'recording.gap',
  'recording.storage',
  'recording.paused',
  'recording.volume',
  'camera.behind',
  'camera.waiting',
] as const;
export const EventType = Type.Enum(EVENT_TYPES);
export type EventType = (typeof EVENT_TYPES)[number];

export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export const Severity = Type.Enum(SEVERITIES);
export type Severity = (typeof SEVERITIES)[number];

export const EVENT_STATUSES = ['open', 'acknowledged', 'resolved', 'false_alarm'] as const;
export const EventStatus = Type.Enum(EVENT_STATUSES);
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** Payload of a `traffic.vehicles` event: vehicles seen by class over one interval. */
export const VehicleCountPayload = Type.Object({
  counts: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
  total: Type.Integer({ minimum: 0 }),
  maxInFrame: Type.Integer({ minimum: 0 }),
  frames: Type.Integer({ minimum: 0 }),
  intervalS: Type.Number({ minimum: 0 }),
});
export type VehicleCountPayload = Static<typeof VehicleCountPayload>;

/** What a worker hands to the event store; the store assigns id, seq, status and times. */
export const NewEvent = Type.Object({
  type: EventType,
  severity: Severity,
  location: Type.Union([LonLat, Type.Null()]),
  cameraId: Type.Union([Type.Integer(), Type.Null()]),
  startedAt: IsoDateTime,
  endedAt: Type.Optional(Type.Union([IsoDateTime, Type.Null()])),
  confidence: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]),
  modelId: Type.Union([Type.String(), Type.Null()]),
  payload: Type.Record(Type.String(), Type.Unknown()),
});
export type NewEvent = Static<typeof NewEvent>;

export const Event = Type.Object({
  id: Type.Integer(),
  /** Monotonic change number: every insert or update takes a new one; clients resume from it. */
  seq: Type.Integer(),
  type: EventType,
  severity: Severity,
  status: EventStatus,
  location: Type.Union([LonLat, Type.Null()]),
  cameraId: Type.Union([Type.Integer(), Type.Null()]),
  startedAt: IsoDateTime,
  updatedAt: IsoDateTime,
  endedAt: Type.Union([IsoDateTime, Type.Null()]),
  confidence: Type.Union([Type.Number(), Type.Null()]),
  modelId: Type.Union([Type.String(), Type.Null()]),
  payload: Type.Record(Type.String(), Type.Unknown()),
  acknowledgedBy: Type.Union([Type.String(), Type.Null()]),
  acknowledgedAt: Type.Union([IsoDateTime, Type.Null()]),
  resolvedBy: Type.Union([Type.String(), Type.Null()]),
  resolvedAt: Type.Union([IsoDateTime, Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  /** How many times the alarm was raised: repeat triggers fold into it instead of opening new alarms. */
  occurrences: Type.Integer({ minimum: 1 }),
  /** When it was last raised (its first raise is startedAt). */
  lastRaisedAt: IsoDateTime,
  /** When it was escalated for staying unacknowledged too long (see escalation policies); null if never. */
  escalatedAt: Type.Union([IsoDateTime, Type.Null()]),
  /** The operator who has taken the alarm in hand ("assign to me"), and since when. */
  assignedTo: Type.Union([Type.String(), Type.Null()]),
  assignedAt: Type.Union([IsoDateTime, Type.Null()]),
});
export type Event = Static<typeof Event>;

export const BBOX_PATTERN = '^-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?$';

export const EventQuery = Type.Object(
  {
    bbox: Type.Optional(Type.String({ pattern: BBOX_PATTERN, description: 'minLon,minLat,maxLon,maxLat' })),
    from: Type.Optional(IsoDateTime),
    to: Type.Optional(IsoDateTime),
    type: Type.Optional(Type.Array(EventType, { maxItems: EVENT_TYPES.length })),
    status: Type.Optional(Type.Array(EventStatus, { maxItems: EVENT_STATUSES.length })),
    cameraId: Type.Optional(Id()),
    // seq is a bigint; beyond 2^53 a number loses digits on its way from JSON.
    afterSeq: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: Number.MAX_SAFE_INTEGER,
        description: 'Only changes after this seq (resume)',
      }),
    ),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
    offset: Type.Integer({ minimum: 0, maximum: 100000, default: 0 }),
  },
  { additionalProperties: false },
);
export type EventQuery = Static<typeof EventQuery>;

export const EventPage = Type.Object({
  items: Type.Array(Event),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});
export type EventPage = Static<typeof EventPage>;

export const EventAction = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export type EventAction = Static<typeof EventAction>;
