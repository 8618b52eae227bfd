// Turns per-frame detections into a per-interval vehicle count by class (the skeleton's traffic.vehicles event).
export const VEHICLE_CLASSES = ['car', 'motorbike', 'bus', 'truck', 'bicycle'] as const;
const VEHICLES = new Set<string>(VEHICLE_CLASSES);

export interface CountedDetection {
  label: string;
  score: number;
}

export interface VehicleCountState {
  startedAt: Date;
  frames: number;
  /** Highest number of each class seen in a single frame during the interval. */
  peakByClass: Record<string, number>;
  peakTotal: number;
  confidenceSum: number;
  confidenceCount: number;
}

export const newVehicleCount = (startedAt: Date): VehicleCountState => ({
  startedAt,
  frames: 0,
  peakByClass: {},
  peakTotal: 0,
  confidenceSum: 0,
  confidenceCount: 0,
});

export function addFrame(state: VehicleCountState, detections: readonly CountedDetection[]): VehicleCountState {
  const inFrame: Record<string, number> = {};
  let total = 0;
  let confidenceSum = state.confidenceSum;
  let confidenceCount = state.confidenceCount;
  for (const detection of detections) {
    if (!VEHICLES.has(detection.label)) continue;
    inFrame[detection.label] = (inFrame[detection.label] ?? 0) + 1;
    total++;
    confidenceSum += detection.score;
    confidenceCount++;
  }
  const peakByClass = { ...state.peakByClass };
  for (const [label, count] of Object.entries(inFrame)) peakByClass[label] = Math.max(peakByClass[label] ?? 0, count);
  return {
    ...state,
    frames: state.frames + 1,
    peakByClass,
    peakTotal: Math.max(state.peakTotal, total),
    confidenceSum,
    confidenceCount,
  };
}

export interface VehicleCountSummary {
  counts: Record<string, number>;
  total: number;
  maxInFrame: number;
  frames: number;
  intervalS: number;
  confidence: number | null;
}

export function summarize(state: VehicleCountState, endedAt: Date): VehicleCountSummary {
  const total = Object.values(state.peakByClass).reduce((sum, n) => sum + n, 0);
  return {
    counts: state.peakByClass,
    total,
    maxInFrame: state.peakTotal,
    frames: state.frames,
    intervalS: (endedAt.getTime() - state.startedAt.getTime()) / 1000,
    confidence: state.confidenceCount ? state.confidenceSum / state.confidenceCount : null,
  };
}
