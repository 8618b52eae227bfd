// What each role may do and where it lands after sign-in.
import type { Role } from '@toc/server/schemas';

const EVENT_ACTION_ROLES: readonly Role[] = ['admin', 'operator'];

export function canActOnEvents(role: Role): boolean {
  return EVENT_ACTION_ROLES.includes(role);
}

/** The crash analyses (hot spots, road sections, before/after, open data): planners, and admins who import the data. */
const CRASH_ANALYSIS_ROLES: readonly Role[] = ['admin', 'planner'];

export function canAnalyseCrashes(role: Role): boolean {
  return CRASH_ANALYSIS_ROLES.includes(role);
}

/** Crash file imports (DOH/MOT tables, fatal-crash points): administrators only, as the upload API enforces. */
export function canImportCrashes(role: Role): boolean {
  return role === 'admin';
}

/** Planners land on the crash analysis, their own tool. */
export function landsOnAnalysis(role: Role): boolean {
  return role === 'planner';
}

/** Snapshots show people and plates (PDPA): only these roles may see them. */
const FOOTAGE_ROLES: readonly Role[] = ['admin', 'operator', 'police'];

export function canSeeFootage(role: Role): boolean {
  return FOOTAGE_ROLES.includes(role);
}

/** Camera setup (zones, counting lines, calibration) changes what the analytics raise: administrators only. */
export function canEditCameras(role: Role): boolean {
  return role === 'admin';
}

/** The video wall and camera live views are for the control room; police and planners have their own tools. */
const LIVE_VIDEO_ROLES: readonly Role[] = ['admin', 'operator', 'viewer'];

export function canWatchLiveVideo(role: Role): boolean {
  return LIVE_VIDEO_ROLES.includes(role);
}

/** The bus punctuality report: the control room and planners (not the police, whose tools are footage and evidence). */
const PUNCTUALITY_ROLES: readonly Role[] = ['admin', 'operator', 'planner', 'viewer'];

export function canSeePunctuality(role: Role): boolean {
  return PUNCTUALITY_ROLES.includes(role);
}

/** The audit log (who viewed which footage, who changed what): administrators only, as the API enforces. */
export function canReadAudit(role: Role): boolean {
  return role === 'admin';
}

/** User administration (accounts, roles, passwords): administrators only; the server enforces the same. */
export function canManageUsers(role: Role): boolean {
  return role === 'admin';
}

/** The shift page (the day's alarm summary, the shift log and handover notes): the control room, as the API enforces. */
export function canUseShiftTools(role: Role): boolean {
  return EVENT_ACTION_ROLES.includes(role);
}

/** Recorded footage (the playback page, "watch the recording"): the control room, as the recordings API enforces. */
export function canPlayBackRecordings(role: Role): boolean {
  return EVENT_ACTION_ROLES.includes(role);
}

/** Retention settings and evidence holds decide what footage is kept: administrators only, as the API enforces. */
export function canManageRecordings(role: Role): boolean {
  return role === 'admin';
}

/** Footage requests: police file and follow their station's, the control room reviews them (as the API enforces). */
const FOOTAGE_REQUEST_ROLES: readonly Role[] = ['admin', 'operator', 'police'];

export function canUseFootageRequests(role: Role): boolean {
  return FOOTAGE_REQUEST_ROLES.includes(role);
}

/** Police land on their station's footage requests. */
export function landsOnRequests(role: Role): boolean {
  return role === 'police';
}

/** The live crash layer (last 24 hours) on the map: the control room and planners, as the API enforces. */
const LIVE_CRASH_ROLES: readonly Role[] = ['admin', 'operator', 'planner', 'viewer'];

export function canSeeLiveCrashes(role: Role): boolean {
  return LIVE_CRASH_ROLES.includes(role);
}
