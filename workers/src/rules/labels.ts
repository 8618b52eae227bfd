// Object classes the rules care about; detectors disagree on names ('motorbike' in COCO, 'motorcycle' elsewhere).
export const VEHICLE_LABELS = ['car', 'bus', 'truck', 'motorcycle', 'motorbike', 'bicycle'] as const;
const VEHICLES = new Set<string>(VEHICLE_LABELS);
/** Two-wheelers carry riders that the detector also reports as persons. */
const RIDDEN = new Set<string>(['motorcycle', 'motorbike', 'bicycle']);

export const PERSON_LABEL = 'person';
export const ELEPHANT_LABEL = 'elephant';

export const isVehicle = (label: string): boolean => VEHICLES.has(label);
export const isRidden = (label: string): boolean => RIDDEN.has(label);
export const isPerson = (label: string): boolean => label === PERSON_LABEL;
