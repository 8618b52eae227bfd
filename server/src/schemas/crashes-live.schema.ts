// The control room's live crash layer: crashes and camera traffic incidents of the last 24 hours, and the socket notice.
import { Type, type Static } from 'typebox';
import { IsoDateTime, Nullable } from './common.schema';
import { EventStatus, EventType, Severity } from './event.schema';

/** The event types that are traffic incidents on the road (not counts or congestion). */
export const TRAFFIC_INCIDENT_TYPES = [
  'traffic.accident',
  'traffic.incident',
] as const satisfies readonly EventType[];
export type TrafficIncidentType = (typeof TRAFFIC_INCIDENT_TYPES)[number];

export const CRASH_SEVERITY_CLASSES = ['fatal', 'serious', 'minor', 'damage_only'] as const;
export type CrashSeverityClass = (typeof CRASH_SEVERITY_CLASSES)[number];

export const LiveCrashProperties = Type.Object({
  kind: Type.Union([Type.Literal('crash'), Type.Literal('incident')], {
    description:
      'crash: a row of the crash store (a confirmed camera accident included); incident: a camera event',
  }),
  source: Type.Union([Type.Literal('doh_csv'), Type.Literal('fatal_points'), Type.Literal('camera')]),
  /** The crash id for a crash, the event id for an incident. */
  id: Type.Integer(),
  occurredAt: IsoDateTime,
  /** A crash's class by its worst outcome, or the event's severity. */
  severity: Type.Union([Type.Enum(CRASH_SEVERITY_CLASSES), Severity]),
  deaths: Nullable(Type.Integer({ description: 'Crashes only' })),
  seriousInjuries: Nullable(Type.Integer({ description: 'Seriously injured people (crashes only)' })),
  minorInjuries: Nullable(Type.Integer({ description: 'Slightly injured people (crashes only)' })),
  eventType: Nullable(EventType),
  status: Nullable(EventStatus),
  /** The camera event a camera crash came from, or the incident's own id. */
  eventId: Nullable(Type.Integer()),
  cameraId: Nullable(Type.Integer()),
});
export type LiveCrashProperties = Static<typeof LiveCrashProperties>;

export const LiveCrashCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  /** The start of the window (24 hours before the server's clock). */
  since: IsoDateTime,
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      geometry: Type.Object({
        type: Type.Literal('Point'),
        coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }),
      }),
      properties: LiveCrashProperties,
    }),
  ),
});
export type LiveCrashCollection = Static<typeof LiveCrashCollection>;

/** Socket `crashes.changed`: the live crash layer may differ now; clients read it again. */
export const CrashesChangedMessage = Type.Object({
  reason: Type.Union([Type.Literal('camera'), Type.Literal('import')]),
  /** The camera event an operator decided on (reason camera). */
  eventId: Type.Optional(Type.Integer()),
  /** The finished import (reason import). */
  importId: Type.Optional(Type.Integer()),
});
export type CrashesChangedMessage = Static<typeof CrashesChangedMessage>;
