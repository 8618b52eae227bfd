// Camera: its place on the map, its stream and its live health.
import { Type, type Static } from 'typebox';
import { IsoDateTime, LonLat } from './common.schema';
import { RecordingWorkerHealth } from './recording.schema';

/**
 * An RTSP URL with no whitespace and no characters that could smuggle ffmpeg options
 * or shell syntax. Credentials (user:pass@) are accepted on input and split off to be sealed; no reply carries them.
 */
export const RTSP_URL_PATTERN =
  "^rtsp://[A-Za-z0-9._~%!$&'()*+,;=:@\\-]+(/[A-Za-z0-9._~%!$&'()*+,;=:@/\\-]*)?(\\?[A-Za-z0-9._~%!$&'()*+,;=:@/?\\-]*)?$";
export const RtspUrl = Type.String({
  pattern: RTSP_URL_PATTERN,
  maxLength: 2048,
  description: 'rtsp:// URL',
});

export const CameraState = Type.Union([
  Type.Literal('starting'),
  Type.Literal('online'),
  Type.Literal('stalled'),
  Type.Literal('offline'),
  Type.Literal('error'),
  Type.Literal('disabled'),
]);
export type CameraState = Static<typeof CameraState>;

export const TILINGS = ['none', '2x1', '2x2', '3x2', 'whole+2x1', 'whole+2x2', 'whole+3x2'] as const;
export type Tiling = (typeof TILINGS)[number];

/** A tiling's grid, and whether the whole picture is detected on as well; null for `none`. */
export function tilingGrid(tiling: Tiling): { cols: number; rows: number; overview: boolean } | null {
  if (tiling === 'none') return null;
  const overview = tiling.startsWith('whole+');
  const [cols, rows] = tiling.replace('whole+', '').split('x').map(Number) as [number, number];
  return { cols, rows, overview };
}

const cameraFields = {
  name: Type.String({ minLength: 1, maxLength: 120, description: 'Name in English' }),
  nameTh: Type.String({ minLength: 1, maxLength: 120, description: 'Name in Thai' }),
  location: LonLat,
  headingDeg: Type.Number({
    minimum: 0,
    maximum: 360,
    description: 'Direction the camera looks, degrees from north',
  }),
  fovDeg: Type.Number({
    exclusiveMinimum: 0,
    maximum: 180,
    description: 'Horizontal field of view, degrees',
  }),
  rtspUrl: RtspUrl,
  enabled: Type.Boolean(),
  // No schema defaults here: the validator would fill them into update bodies and reset what a PATCH did not name.
  modelId: Type.String({
    minLength: 1,
    maxLength: 64,
    description: 'Detector model id (default yolox_nano_416)',
  }),
  detectFps: Type.Number({
    exclusiveMinimum: 0,
    maximum: 30,
    description: 'Frames per second to detect on (default 5)',
  }),
  tiling: Type.Enum(TILINGS, {
    description:
      'Detect on a grid of tiles (columns × rows) to find small, distant objects, one inference per tile; ' +
      '"whole+" also detects on the whole picture (one more), which keeps near objects the tiles cut (default none)',
  }),
};

/** Write-only: stored sealed, never returned. The same as `user:pass@` in `rtspUrl`, for names with reserved characters. */
export const RtspCredentials = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 128 }),
    password: Type.String({ maxLength: 256 }),
  },
  { additionalProperties: false },
);
export type RtspCredentials = Static<typeof RtspCredentials>;

export const CameraCreate = Type.Object(
  {
    ...cameraFields,
    enabled: Type.Optional(cameraFields.enabled),
    modelId: Type.Optional(cameraFields.modelId),
    detectFps: Type.Optional(cameraFields.detectFps),
    tiling: Type.Optional(cameraFields.tiling),
    rtspCredentials: Type.Optional(RtspCredentials),
  },
  { additionalProperties: false },
);
export type CameraCreate = Static<typeof CameraCreate>;

export const CameraUpdate = Type.Partial(
  Type.Object({
    ...cameraFields,
    rtspUrl: Type.String({
      pattern: RTSP_URL_PATTERN,
      maxLength: 2048,
      description: 'rtsp:// URL; without user:pass@ the stored credentials are kept',
    }),
    rtspCredentials: Type.Union([RtspCredentials, Type.Null()], {
      description: 'New credentials, or null to remove them',
    }),
  }),
  { additionalProperties: false, minProperties: 1 },
);
export type CameraUpdate = Static<typeof CameraUpdate>;

/** How often the stream dropped lately: a camera that keeps coming and going shows as unstable, not just up or down. */
export const CameraStability = Type.Object({
  outagesLastHour: Type.Integer({
    minimum: 0,
    description: 'Times the stream was lost after it had delivered frames, in the last hour',
  }),
  flapping: Type.Boolean({
    description: 'The stream dropped often enough in the last hour to call it unstable',
  }),
  reasonText: Type.Union([Type.String(), Type.Null()], { description: 'Why it is unstable, in English' }),
  reasonTextTh: Type.Union([Type.String(), Type.Null()], { description: 'Why it is unstable, in Thai' }),
});
export type CameraStability = Static<typeof CameraStability>;

/** Whether the worker analyses enough of a camera's frames to follow its tracks (workers/src/pipeline/analysis-pace.ts). */
export const CameraPace = Type.Object({
  expectedFps: Type.Number({ minimum: 0, description: "The camera's detect rate" }),
  analysedFps: Type.Number({ minimum: 0, description: 'Frames analysed per second over the last seconds' }),
  behind: Type.Boolean({
    description: 'Too few frames analysed to follow tracks: no new road alarm opens until it catches up',
  }),
  behindSince: Type.Union([IsoDateTime, Type.Null()]),
  roadSignalsHeld: Type.Integer({
    minimum: 0,
    description: 'Road-rule signals withheld while behind, since the camera started',
  }),
  reasonText: Type.Union([Type.String(), Type.Null()], { description: 'Why it is behind, in English' }),
  reasonTextTh: Type.Union([Type.String(), Type.Null()], { description: 'Why it is behind, in Thai' }),
});
export type CameraPace = Static<typeof CameraPace>;

/** Live figures a worker reports for a running camera. */
export const CameraHealth = Type.Object({
  workerId: Type.String(),
  inputFps: Type.Number({
    description: 'Frames per second arriving from the stream (after the detect-rate filter)',
  }),
  detectFps: Type.Number({ description: 'Frames per second that ran through the detector' }),
  gatedFps: Type.Number({ description: 'Frames per second the motion gate let pass without detection' }),
  framesSkipped: Type.Integer({ description: 'Frames dropped since start because inference was behind' }),
  frameErrors: Type.Integer({ description: 'Frames that failed in a stage and were skipped' }),
  decodeErrors: Type.Integer({ description: 'Decoder errors reported by ffmpeg since start' }),
  inferenceMs: Type.Number({ description: 'Mean inference time over the last report interval' }),
  tracks: Type.Integer({ description: 'Confirmed tracks in view' }),
  lastFrameAt: Type.Union([IsoDateTime, Type.Null()]),
  /** Optional: health stored by older workers has none. */
  stability: Type.Optional(CameraStability),
  /** Optional: health from older workers, and from cameras with no frame analysed yet, has none. */
  pace: Type.Optional(CameraPace),
  /** The recorder's side: recording or not and why, bitrate, newest footage. */
  recording: Type.Optional(RecordingWorkerHealth),
});
export type CameraHealth = Static<typeof CameraHealth>;

export const Camera = Type.Object({
  id: Type.Integer(),
  ...cameraFields,
  rtspUrl: Type.Optional(
    Type.String({
      description: 'Admins only, without credentials: no reply to any role carries the user or password',
    }),
  ),
  rtspCredentialsSet: Type.Optional(
    Type.Boolean({ description: 'Admins only: whether credentials are stored' }),
  ),
  status: CameraState,
  statusReason: Type.Union([Type.String(), Type.Null()]),
  lastSeenAt: Type.Union([IsoDateTime, Type.Null()]),
  health: Type.Union([CameraHealth, Type.Null()]),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Camera = Static<typeof Camera>;

/** Pushed on the socket and stored when a worker's view of a camera changes. */
export const CameraStatusMessage = Type.Object({
  cameraId: Type.Integer(),
  status: CameraState,
  reason: Type.Union([Type.String(), Type.Null()]),
  health: Type.Optional(CameraHealth),
  at: IsoDateTime,
});
export type CameraStatusMessage = Static<typeof CameraStatusMessage>;
