// The shapes passed between pipeline stages: tracks, placed tracks and rule signals.
import type { Detection } from '@toc/models';
import type { EventType, LonLat, Severity } from '@toc/server/schemas';

/** [x1, y1, x2, y2] in source-image pixels. */
export type Box = [number, number, number, number];

export interface TrackPoint {
  /** Milliseconds (wall clock or stream time; only differences matter). */
  t: number;
  box: Box;
  /** Ground position from the camera calibration, when the camera has one. */
  ground: LonLat | null;
  /** Ground speed in km/h when calibrated. */
  speedKmh: number | null;
}

export type TrackState = 'tentative' | 'confirmed' | 'lost';

export interface Track {
  id: number;
  classId: number;
  label: string;
  /** Score of the latest matched detection… */
  score: number;
  /** …and the best over the track's life: an object once seen clearly is real even when its box turns faint. */
  peakScore: number;
  state: TrackState;
  /** Latest box: the Kalman estimate when not matched this frame. */
  box: Box;
  /** Image-space velocity of the box centre, pixels per second. */
  velocity: [number, number];
  hits: number;
  /** Frames since the last matched detection. */
  missed: number;
  firstSeen: number;
  lastSeen: number;
  /** Bounded, oldest first. */
  history: TrackPoint[];
}

/** Everything a rule sees about one processed frame. */
export interface RuleFrame {
  t: number;
  frameWidth: number;
  frameHeight: number;
  tracks: readonly Track[];
  /** Raw detections of this frame (crowd counts use them when tracks lag). */
  detections: readonly Detection[];
  /**
   * The camera is behind on its frames (analysis-pace.ts): its tracks jump across the ones missed, so the road rules
   * open no new incident (those open go on). Absent: not held.
   */
  roadRulesHeld?: boolean;
}

/**
 * A rule's claim that something is happening. The incident book turns signals with the same key into
 * one event that is opened, updated while the signal repeats, and ended after it stops.
 */
export interface RuleSignal {
  key: string;
  type: EventType;
  /** What exactly, e.g. 'stopped_vehicle', 'collision', 'wrong_way'. */
  kind: string;
  severity: Severity;
  confidence: number;
  /** When it began, estimated from the track history (ms, same clock as RuleFrame.t). */
  onset: number;
  trackIds: number[];
  /** Where in the image (pixels): the ground contact point of the object. */
  imagePoint: [number, number];
  /** Ground position when the camera is calibrated. */
  ground: LonLat | null;
  detail: Record<string, unknown>;
}
