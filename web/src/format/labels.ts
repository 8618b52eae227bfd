// Translation keys for schema values (event types, severities, statuses, roles, recording gap reasons and states,
// vehicle classes).
import type {
  CameraState,
  EventStatus,
  EventType,
  GapReason,
  RecordingState,
  Role,
  Severity,
} from '@toc/server/schemas';
import type { TranslationKey } from '../i18n/en';
import { en } from '../i18n/en';

export const eventTypeKey = (type: EventType) => `eventType.${type}` as const;
export const severityKey = (severity: Severity) => `severity.${severity}` as const;
export const eventStatusKey = (status: EventStatus) => `eventStatus.${status}` as const;
export const cameraStatusKey = (status: CameraState) => `cameraStatus.${status}` as const;
export const roleKey = (role: Role) => `role.${role}` as const;
export const gapReasonKey = (reason: GapReason) => `gapReason.${reason}` as const;
export const recordingStateKey = (state: RecordingState) => `recordingState.${state}` as const;

/** Vehicle classes come from the model's labels; a class without a translation is shown as is. */
export function vehicleClassKey(cls: string): TranslationKey | null {
  const key = `vehicle.${cls}`;
  return key in en ? (key as TranslationKey) : null;
}

/** Entries of an event's timeline (pipeline updates and operator actions); an unknown kind is shown as is. */
export function timelineKey(kind: string): TranslationKey | null {
  const key = `timeline.${kind}`;
  return key in en ? (key as TranslationKey) : null;
}
