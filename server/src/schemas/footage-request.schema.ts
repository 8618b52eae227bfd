// Police footage requests: the form, the workflow states, the cameras chosen, the export job and its package.
import { Type, type Static } from 'typebox';
import { Id, IsoDateTime, LonLat } from './common.schema';

export const FOOTAGE_REQUEST_STATUSES = [
  'submitted',
  'in_review',
  'approved',
  'rejected',
  'exporting',
  'ready',
  'downloaded',
  'closed',
  'export_failed',
] as const;
export const FootageRequestStatus = Type.Enum(FOOTAGE_REQUEST_STATUSES);
export type FootageRequestStatus = Static<typeof FootageRequestStatus>;

export const FOOTAGE_REQUEST_KINDS = ['online', 'walk_in'] as const;

/** The longest window one request may ask for: an incident, not a day's surveillance. */
export const MAX_REQUEST_WINDOW_H = 24;

const Text = (min: number, max: number, description?: string) =>
  Type.String({ minLength: min, maxLength: max, ...(description ? { description } : {}) });

/** What the officer fills in (online), or staff type from the paper form (walk-in). */
export const FootageRequestForm = Type.Object(
  {
    caseNumber: Text(1, 100, 'Case or daily-report number (เลขคดี / เลขประจำวัน)'),
    station: Text(1, 200, 'Police station; a police user always files for their own'),
    officerName: Text(1, 200),
    officerRank: Text(1, 100),
    officerId: Text(1, 50, 'Officer identification number'),
    officerPhone: Type.String({ minLength: 6, maxLength: 30, pattern: '^[0-9+()\\- ]+$' }),
    legalBasis: Text(3, 500, 'e.g. Criminal Procedure Code s.132'),
    reason: Text(3, 2000),
    place: LonLat,
    placeLabel: Type.Optional(Text(1, 300)),
    placeRadiusM: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 5000, description: 'How sure the place is' })),
    from: IsoDateTime,
    to: IsoDateTime,
  },
  { additionalProperties: false },
);
export type FootageRequestForm = Static<typeof FootageRequestForm>;

/** A walk-in request: the form plus, when the officer has an account, that police user. */
export const WalkInRequestForm = Type.Object(
  {
    ...FootageRequestForm.properties,
    requesterUserId: Type.Optional(Id({ description: "The officer's police account, if they have one" })),
  },
  { additionalProperties: false },
);
export type WalkInRequestForm = Static<typeof WalkInRequestForm>;

export const RequestCamera = Type.Object({
  cameraId: Type.Integer(),
  name: Type.String(),
  nameTh: Type.String(),
  from: IsoDateTime,
  to: IsoDateTime,
  chosenBy: Type.String(),
});
export type RequestCamera = Static<typeof RequestCamera>;

export const RequestStep = Type.Object({
  status: Type.String(),
  at: IsoDateTime,
  by: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
});
export type RequestStep = Static<typeof RequestStep>;

export const EvidencePackageInfo = Type.Object({
  id: Type.String({ format: 'uuid' }),
  bytes: Type.Integer(),
  sha256: Type.String(),
  manifestSha256: Type.String(),
  keyFingerprint: Type.String(),
  createdAt: IsoDateTime,
});
export type EvidencePackageInfo = Static<typeof EvidencePackageInfo>;

export const FootageRequest = Type.Object({
  id: Type.Integer(),
  reference: Type.String({ description: 'FR-<Buddhist-Era year>-<number>' }),
  kind: Type.Enum(FOOTAGE_REQUEST_KINDS),
  status: FootageRequestStatus,
  caseNumber: Type.String(),
  station: Type.String(),
  officerName: Type.String(),
  officerRank: Type.String(),
  officerId: Type.String(),
  officerPhone: Type.String(),
  legalBasis: Type.String(),
  reason: Type.String(),
  place: LonLat,
  placeLabel: Type.Union([Type.String(), Type.Null()]),
  placeRadiusM: Type.Number(),
  from: IsoDateTime,
  to: IsoDateTime,
  requester: Type.Union([Type.String(), Type.Null()], { description: 'Username of the police account' }),
  enteredBy: Type.String(),
  hasForm: Type.Boolean(),
  decidedBy: Type.Union([Type.String(), Type.Null()]),
  decidedAt: Type.Union([IsoDateTime, Type.Null()]),
  decisionNote: Type.Union([Type.String(), Type.Null()]),
  holdExpiresAt: Type.Union([IsoDateTime, Type.Null()]),
  exportProgress: Type.Union([Type.Number(), Type.Null()]),
  exportError: Type.Union([Type.String(), Type.Null()]),
  /** Waiting for a decision longer than the overdue limit. */
  overdue: Type.Boolean(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  cameras: Type.Array(RequestCamera),
  steps: Type.Array(RequestStep),
  package: Type.Union([EvidencePackageInfo, Type.Null()]),
});
export type FootageRequest = Static<typeof FootageRequest>;

export const FootageRequestQuery = Type.Object(
  {
    status: Type.Optional(FootageRequestStatus),
    open: Type.Optional(Type.Boolean({ description: 'Only requests waiting for a decision' })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
  },
  { additionalProperties: false },
);
export type FootageRequestQuery = Static<typeof FootageRequestQuery>;

/** The cameras picked, each with its trimmed window inside the request's. */
export const RequestCamerasInput = Type.Object(
  {
    cameras: Type.Array(Type.Object({ cameraId: Id(), from: IsoDateTime, to: IsoDateTime }, { additionalProperties: false }), {
      minItems: 1,
      maxItems: 16,
    }),
  },
  { additionalProperties: false },
);
export type RequestCamerasInput = Static<typeof RequestCamerasInput>;

export const RequestDecision = Type.Union([
  Type.Object(
    {
      decision: Type.Literal('approve'),
      note: Type.Optional(Text(1, 1000)),
      /** Omitted: the hold lasts until the case is closed. */
      holdExpiresAt: Type.Optional(IsoDateTime),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { decision: Type.Literal('reject'), note: Text(3, 1000, 'Why, told to the requester') },
    { additionalProperties: false },
  ),
]);
export type RequestDecision = Static<typeof RequestDecision>;

export const RequestClose = Type.Object(
  { reason: Text(3, 1000, 'Why the case is closed; releases its evidence holds') },
  { additionalProperties: false },
);
export type RequestClose = Static<typeof RequestClose>;

export const DownloadLink = Type.Object({
  url: Type.String(),
  expiresAt: IsoDateTime,
});
export type DownloadLink = Static<typeof DownloadLink>;

export const EvidencePublicKey = Type.Object({
  algorithm: Type.Literal('Ed25519'),
  publicKeyPem: Type.String(),
  fingerprint: Type.String({ description: 'Lowercase hex SHA-256 of the SPKI DER bytes' }),
});
export type EvidencePublicKey = Static<typeof EvidencePublicKey>;

/** The finder asked directly (before filing): a place and window in the query string. */
export const FootageFinderQuery = Type.Object(
  {
    lon: Type.Number({ minimum: -180, maximum: 180 }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    uncertaintyM: Type.Optional(Type.Number({ minimum: 0, maximum: 500, description: 'How far off the place may be' })),
    from: IsoDateTime,
    to: IsoDateTime,
    radiusM: Type.Optional(Type.Integer({ minimum: 10, maximum: 2000 })),
  },
  { additionalProperties: false },
);
export type FootageFinderQuery = Static<typeof FootageFinderQuery>;

export const RequestStillParams = Type.Object({ id: Id(), cameraId: Id() });
export type RequestStillParams = Static<typeof RequestStillParams>;
export const RequestStillQuery = Type.Object({ at: IsoDateTime }, { additionalProperties: false });
export type RequestStillQuery = Static<typeof RequestStillQuery>;

/** Export job payload: a reference, never footage. */
export const EvidenceExportJob = Type.Object({ requestId: Type.Integer({ minimum: 1 }) });
export type EvidenceExportJob = Static<typeof EvidenceExportJob>;

/** Notice job payload: a request's step, for the LINE/webhook targets of its station. */
export const RequestNoticeJob = Type.Object({
  id: Type.Integer(),
  reference: Type.String(),
  station: Type.String(),
  status: FootageRequestStatus,
  at: IsoDateTime,
  note: Type.Union([Type.String(), Type.Null()]),
});
export type RequestNoticeJob = Static<typeof RequestNoticeJob>;

/** Socket message on a request's change (progress included), to its station's police and to staff. */
export const FootageRequestChange = Type.Object({
  id: Type.Integer(),
  reference: Type.String(),
  station: Type.String(),
  status: FootageRequestStatus,
  exportProgress: Type.Union([Type.Number(), Type.Null()]),
});
export type FootageRequestChange = Static<typeof FootageRequestChange>;
