// Recorded footage: the segment index and its gaps as the timeline shows them, recording health, retention
// settings per camera and evidence holds.
import { Type, type Static } from 'typebox';
import { Id, IsoDateTime } from './common.schema';

export const GAP_REASONS = [
  'camera_offline',
  'worker_stopped',
  'worker_died',
  'storage_full',
  'corrupt_segment',
  'volume_unavailable',
  'recording_disabled',
  'write_failed',
] as const;
export const GapReason = Type.Enum(GAP_REASONS);
export type GapReason = (typeof GAP_REASONS)[number];

/** A recording worker's state for one camera (in the camera's health report). */
export const RECORDING_STATES = ['recording', 'off', 'paused', 'error'] as const;
export const RecordingState = Type.Enum(RECORDING_STATES);
export type RecordingState = (typeof RECORDING_STATES)[number];

export const RecordingWorkerHealth = Type.Object({
  state: RecordingState,
  /** Why it is not recording (paused, error); null while recording. */
  reason: Type.Union([Type.String(), Type.Null()]),
  /** Mean bitrate of the segments closed in the last report interval. */
  bitrateKbps: Type.Number(),
  lastSegmentAt: Type.Union([IsoDateTime, Type.Null()]),
});
export type RecordingWorkerHealth = Static<typeof RecordingWorkerHealth>;

/** A continuous stretch of recorded footage (adjacent segments merged). */
export const RecordedSpan = Type.Object({
  from: IsoDateTime,
  to: IsoDateTime,
  segments: Type.Integer(),
  bytes: Type.Integer(),
});
export type RecordedSpan = Static<typeof RecordedSpan>;

export const RecordingGap = Type.Object({
  id: Type.Integer(),
  cameraId: Type.Integer(),
  from: IsoDateTime,
  /** Null: still going on. */
  to: Type.Union([IsoDateTime, Type.Null()]),
  reason: GapReason,
  detail: Type.Union([Type.String(), Type.Null()]),
});
export type RecordingGap = Static<typeof RecordingGap>;

/** An event drawn on the playback timeline. */
export const TimelineEvent = Type.Object({
  id: Type.Integer(),
  type: Type.String(),
  severity: Type.String(),
  startedAt: IsoDateTime,
  endedAt: Type.Union([IsoDateTime, Type.Null()]),
});
export type TimelineEvent = Static<typeof TimelineEvent>;

export const TimelineQuery = Type.Object(
  {
    from: IsoDateTime,
    to: IsoDateTime,
  },
  { additionalProperties: false },
);
export type TimelineQuery = Static<typeof TimelineQuery>;

export const CameraTimeline = Type.Object({
  cameraId: Type.Integer(),
  from: IsoDateTime,
  to: IsoDateTime,
  spans: Type.Array(RecordedSpan),
  gaps: Type.Array(RecordingGap),
  events: Type.Array(TimelineEvent),
  holds: Type.Array(Type.Object({ id: Type.Integer(), from: IsoDateTime, to: IsoDateTime })),
});
export type CameraTimeline = Static<typeof CameraTimeline>;

/** A point in time on one camera: where playback starts and which still to take. */
export const RecordingAtQuery = Type.Object({ at: IsoDateTime }, { additionalProperties: false });
export type RecordingAtQuery = Static<typeof RecordingAtQuery>;

export const CameraRecordingParams = Type.Object({ cameraId: Id() });
export type CameraRecordingParams = Static<typeof CameraRecordingParams>;

export const SegmentParams = Type.Object({ id: Id() });
export type SegmentParams = Static<typeof SegmentParams>;

/** Recording health per camera beside the analytics health. */
export const RecordingHealth = Type.Object({
  cameraId: Type.Integer(),
  enabled: Type.Boolean(),
  worker: Type.Union([RecordingWorkerHealth, Type.Null()]),
  pausedReason: Type.Union([Type.String(), Type.Null()]),
  lastSegmentAt: Type.Union([IsoDateTime, Type.Null()]),
  /** Mean over the last hour of footage. */
  bitrateKbps: Type.Number(),
  gapsToday: Type.Integer({ description: 'Gaps that began since midnight in Bangkok' }),
  bytesHeld: Type.Integer(),
  daysHeld: Type.Number({ description: 'Age of the oldest footage held, in days' }),
  daysForecast: Type.Number({
    description:
      'Days of footage that will be held at the current bitrate (max_days or the quota share, whichever is less)',
  }),
  minDays: Type.Number(),
  maxDays: Type.Number(),
  priority: Type.Integer(),
});
export type RecordingHealth = Static<typeof RecordingHealth>;

export const RecordingStorage = Type.Object({
  volume: Type.String({ description: 'Where the recordings are (the configured RECORDINGS_DIR)' }),
  available: Type.Boolean(),
  reason: Type.Union([Type.String(), Type.Null()]),
  quotaBytes: Type.Integer(),
  usedBytes: Type.Integer(),
  freeBytes: Type.Integer(),
  freeFloorBytes: Type.Integer(),
  writeBytesPerHour: Type.Number(),
  /**
   * Hours until footage retention may not delete (held, or younger than its camera's min days) fills the space at the
   * current write rate, when cameras would stop recording; null when that never happens at this rate.
   */
  hoursLeft: Type.Union([Type.Number(), Type.Null()]),
  heldBytes: Type.Integer(),
});
export type RecordingStorage = Static<typeof RecordingStorage>;

export const RecordingOverview = Type.Object({
  storage: RecordingStorage,
  cameras: Type.Array(RecordingHealth),
});
export type RecordingOverview = Static<typeof RecordingOverview>;

export const CameraRecordingSettings = Type.Object(
  {
    enabled: Type.Boolean(),
    minDays: Type.Number({ minimum: 0, maximum: 3650 }),
    maxDays: Type.Number({ exclusiveMinimum: 0, maximum: 3650 }),
    priority: Type.Integer({
      minimum: 0,
      maximum: 100,
      description: 'Lower stops recording first when only protected footage is left',
    }),
  },
  { additionalProperties: false },
);
export type CameraRecordingSettings = Static<typeof CameraRecordingSettings>;

export const EvidenceHold = Type.Object({
  id: Type.Integer(),
  cameraId: Type.Integer(),
  from: IsoDateTime,
  to: IsoDateTime,
  reason: Type.String(),
  caseNumber: Type.Union([Type.String(), Type.Null()]),
  expiresAt: Type.Union([IsoDateTime, Type.Null()]),
  createdBy: Type.String(),
  createdAt: IsoDateTime,
  releasedAt: Type.Union([IsoDateTime, Type.Null()]),
  releasedBy: Type.Union([Type.String(), Type.Null()]),
  releaseReason: Type.Union([Type.String(), Type.Null()]),
  /** Recorded bytes inside the hold. */
  bytes: Type.Integer(),
});
export type EvidenceHold = Static<typeof EvidenceHold>;

export const EvidenceHoldInput = Type.Object(
  {
    cameraId: Id(),
    from: IsoDateTime,
    to: IsoDateTime,
    reason: Type.String({ minLength: 3, maxLength: 1000 }),
    caseNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    /** Omitted: until released. */
    expiresAt: Type.Optional(IsoDateTime),
  },
  { additionalProperties: false },
);
export type EvidenceHoldInput = Static<typeof EvidenceHoldInput>;

export const EvidenceHoldRelease = Type.Object(
  { reason: Type.String({ minLength: 3, maxLength: 1000 }) },
  { additionalProperties: false },
);
export type EvidenceHoldRelease = Static<typeof EvidenceHoldRelease>;

export const EVIDENCE_HOLD_STATES = ['active', 'all'] as const;
export const EvidenceHoldQuery = Type.Object(
  {
    state: Type.Enum(EVIDENCE_HOLD_STATES, {
      default: 'active',
      description: 'active: in force (not released, not expired); all: every hold ever made',
    }),
    cameraId: Type.Optional(Id()),
  },
  { additionalProperties: false },
);
export type EvidenceHoldQuery = Static<typeof EvidenceHoldQuery>;
