// English UI strings; the key set here is the contract every other language must fill.
import type { CameraState, EventStatus, EventType, Role, Severity } from '@toc/server/schemas';

/** Keys derived from the shared schemas: adding an event type or role without a label fails to compile. */
type SchemaKeys =
  | `eventType.${EventType}`
  | `severity.${Severity}`
  | `eventStatus.${EventStatus}`
  | `cameraStatus.${CameraState}`
  | `role.${Role}`;

export const en = {
  'app.title': 'Chachoengsao Traffic Operations Center',
  'app.shortTitle': 'Chachoengsao TOC',
  'common.loading': 'Loading…',

  'lang.label': 'Language',
  'lang.th': 'ไทย',
  'lang.en': 'EN',

  'login.title': 'Sign in',
  'login.subtitle': 'Traffic operations center staff only',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.error.invalid': 'Sign-in failed: those sign-in details were not accepted. Please try again.',
  'login.error.rateLimited': 'Too many sign-in attempts. Please wait a minute and try again.',
  'login.error.network': 'Cannot reach the server. Check the network and try again.',
  'login.error.missing': 'Enter your username and password.',
  'login.error.generic': 'Sign-in failed. Please try again.',

  'header.signedInAs': 'Signed in as',
  'header.logout': 'Sign out',
  'nav.map': 'Live map',
  'nav.home': 'My tools',
  'nav.wall': 'Video wall',
  'nav.elephants': 'Elephants',

  'role.admin': 'Administrator',
  'role.operator': 'Operator',
  'role.police': 'Police',
  'role.planner': 'Traffic planner',
  'role.viewer': 'Viewer',

  'connection.connecting': 'Connecting…',
  'connection.connected': 'Live',
  'connection.reconnecting': 'Reconnecting…',
  'connection.disconnected': 'Offline',
  'connection.banner.connecting': 'Connecting to live updates…',
  'connection.banner.reconnecting': 'Connection lost. Reconnecting — the map may be out of date.',
  'connection.banner.disconnected': 'Disconnected from the server. Live updates are paused; retrying.',

  'events.title': 'Latest events',
  'events.empty': 'No events yet.',
  'events.loadFailed': 'Could not load events.',
  'events.noCamera': 'No camera',
  'events.unknownCamera': 'Camera #{{id}}',
  'events.acknowledge': 'Acknowledge',
  'events.resolve': 'Resolve',
  'events.actionFailed': 'Action failed',
  'events.vehicles.total': 'Total {{total}}',
  'events.vehicles.none': 'No vehicles',
  'events.showOnMap': 'Show on map',

  'cameras.title': 'Cameras',
  'cameras.loadFailed': 'Could not load cameras.',

  'eventType.traffic.vehicles': 'Vehicle count',
  'eventType.traffic.accident': 'Road accident',
  'eventType.traffic.incident': 'Traffic incident',
  'eventType.traffic.congestion': 'Congestion',
  'eventType.elephant.sighting': 'Elephant sighted',
  'eventType.elephant.warning': 'Elephant warning',
  'eventType.crowd.count': 'Crowd count',
  'eventType.crowd.alert': 'Crowd alert',

  'severity.info': 'Info',
  'severity.low': 'Low',
  'severity.medium': 'Medium',
  'severity.high': 'High',
  'severity.critical': 'Critical',

  'eventStatus.open': 'Open',
  'eventStatus.acknowledged': 'Acknowledged',
  'eventStatus.resolved': 'Resolved',
  'eventStatus.false_alarm': 'False alarm',

  'cameraStatus.starting': 'Starting',
  'cameraStatus.online': 'Online',
  'cameraStatus.stalled': 'Stalled',
  'cameraStatus.offline': 'Offline',
  'cameraStatus.error': 'Error',
  'cameraStatus.disabled': 'Disabled',

  'vehicle.car': 'Cars',
  'vehicle.truck': 'Trucks',
  'vehicle.bus': 'Buses',
  'vehicle.motorcycle': 'Motorcycles',
  'vehicle.bicycle': 'Bicycles',
  'vehicle.person': 'People',

  'map.label': 'Map of Chachoengsao',
  'map.attribution': 'Roads © OpenStreetMap contributors (ODbL) · Boundaries © OCHA COD-AB (CC BY-IGO)',
  'map.basemapFailed': 'Base map data could not be loaded.',

  'home.police.title': 'Footage requests',
  'home.police.body':
    'Here you will search recorded footage by place and time, file requests with a case number and download approved, signed exports. This tool is coming soon.',
  'home.planner.title': 'Accident analysis',
  'home.planner.body':
    'Here you will query accident hotspots by area, period, type and cause, compare before and after interventions and export reports. This tool is coming soon.',
  'home.openMap': 'Open the live map',

  'error.sessionExpired': 'Your session has ended. Please sign in again.',

  'alarms.unacknowledged': 'Unacknowledged: {{n}}',
  'cameras.healthDetails': 'Health of each camera',
  'cameras.healthFigures': '{{detectFps}} detect fps of {{inputFps}} · {{inferenceMs}} ms · {{tracks}} tracks',
  'alarms.shortcuts': 'Keys: J / ↓ next alarm, K / ↑ previous, A acknowledge, Esc back to the list',
  'alarms.type': 'Type',
  'alarms.allTypes': 'All types',
  'alarms.minSeverity': 'Severity at least',
  'alarms.status': 'Status',
  'alarms.active': 'Needs action',
  'alarms.allStatuses': 'All statuses',
  'detail.close': 'Back to alarms',
  'detail.camera': 'Camera',
  'detail.started': 'Started',
  'detail.ended': 'Ended',
  'detail.confidence': 'Confidence',
  'detail.position': 'Position',
  'detail.positionCalibrated': 'On the ground, from the camera calibration',
  'detail.trap': 'Camera trap',
  'detail.positionTrap': 'At the camera trap',
  'detail.positionCamera': 'At the camera (not calibrated)',
  'detail.snapshotFrame': 'Frame with detections',
  'detail.snapshotObject': 'Close-up of the object',
  'detail.timeline': 'Timeline',
  'detail.note': 'Note',
  'detail.notePlaceholder': 'Note for the record (optional)',
  'detail.falseAlarm': 'False alarm',
  'detail.placesWarned': 'Places warned ({{n}})',
  'detail.distanceKm': '{{km}} km',
  'events.details': 'Details',
  'timeline.opened': 'Detected',
  'timeline.updated': 'Updated by the pipeline',
  'timeline.reopened': 'Seen again',
  'timeline.ended': 'No longer seen',
  'timeline.acknowledged': 'Acknowledged',
  'timeline.resolved': 'Resolved',
  'timeline.false_alarm': 'Marked as false alarm',
  // — live video —
  'video.live': 'Live camera picture',
  'video.waiting': 'Waiting for the picture…',
  'video.stale': 'No picture for a few seconds',

  // — video wall —

  // — camera setup —

  // — elephant situation —

  // — map layers —
} as const satisfies Record<SchemaKeys, string> & Record<string, string>;

export type TranslationKey = keyof typeof en;
export type Translations = Record<TranslationKey, string>;
