// English UI strings, assembled from one file per area; the key set here is the contract every other language must fill.
import type {
  CameraState,
  EventStatus,
  EventType,
  GapReason,
  RecordingState,
  Role,
  Severity,
} from '@toc/server/schemas';
import { coreEn } from './strings/core.en';
import { mapEn } from './strings/map.en';
import { alarmsEn } from './strings/alarms.en';
import { setupEn } from './strings/setup.en';
import { elephantsEn } from './strings/elephants.en';
import { busesEn } from './strings/buses.en';
import { wallEn } from './strings/wall.en';
import { auditEn } from './strings/audit.en';
import { usersEn } from './strings/users.en';
import { validationEn } from './strings/validation.en';
import { shiftEn } from './strings/shift.en';
import { playbackEn } from './strings/playback.en';
import { recordingsEn } from './strings/recordings.en';
import { requestsEn } from './strings/requests.en';
import { finderEn } from './strings/finder.en';
import { verifyEn } from './strings/verify.en';
import { analysisEn } from './strings/analysis.en';
import { analysisToolsEn } from './strings/analysis-tools.en';
import { analysisMapEn } from './strings/analysis-map.en';
import { analysisChartsEn } from './strings/analysis-charts.en';
import { crashesLiveEn } from './strings/crashes-live.en';
import { crashImportsEn } from './strings/crash-imports.en';

/** Keys derived from the shared schemas: adding an event type or role without a label fails to compile. */
type SchemaKeys =
  | `eventType.${EventType}`
  | `severity.${Severity}`
  | `eventStatus.${EventStatus}`
  | `cameraStatus.${CameraState}`
  | `role.${Role}`
  | `gapReason.${GapReason}`
  | `recordingState.${RecordingState}`;

export const en = {
  ...coreEn,
  ...mapEn,
  ...alarmsEn,
  ...setupEn,
  ...elephantsEn,
  ...busesEn,
  ...wallEn,
  ...auditEn,
  ...usersEn,
  ...validationEn,
  ...shiftEn,
  ...playbackEn,
  ...recordingsEn,
  ...requestsEn,
  ...finderEn,
  ...verifyEn,
  ...analysisEn,
  ...analysisToolsEn,
  ...analysisMapEn,
  ...analysisChartsEn,
  ...crashesLiveEn,
  ...crashImportsEn,
} as const satisfies Record<SchemaKeys, string> & Record<string, string>;

export type TranslationKey = keyof typeof en;
export type Translations = Record<TranslationKey, string>;
