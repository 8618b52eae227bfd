// Headways at stops (pure): each departure compared with the previous bus of the same route and direction there.
import { scheduledDepartureMs } from './transit-model';
import type { DepartureSample } from './vehicle-tracker';

export interface HeadwaySample {
  vehicleId: number;
  aheadVehicleId: number;
  stopId: string;
  observedS: number;
  scheduledS: number;
  ms: number;
}

/** Scheduled headways shorter than this are too tight to judge, longer ones are separate services. */
const MIN_SCHEDULED_S = 120;
const MAX_SCHEDULED_S = 2 * 3600;

export class HeadwayBook {
  private readonly last = new Map<string, { vehicleId: number; ms: number; scheduledMs: number }>();

  departed(sample: DepartureSample): HeadwaySample | null {
    const trip = sample.inst.trip;
    const stopId = trip.stopIds[sample.index]!;
    const key = `${trip.feedId}|${trip.routeId}|${trip.directionId ?? trip.shape.id}|${stopId}`;
    const scheduledMs = scheduledDepartureMs(sample.inst, sample.index);
    const previous = this.last.get(key);
    this.last.set(key, { vehicleId: sample.vehicleId, ms: sample.ms, scheduledMs });
    if (!previous || previous.vehicleId === sample.vehicleId) return null;
    const scheduledS = (scheduledMs - previous.scheduledMs) / 1000;
    if (scheduledS < MIN_SCHEDULED_S || scheduledS > MAX_SCHEDULED_S) return null;
    return {
      vehicleId: sample.vehicleId,
      aheadVehicleId: previous.vehicleId,
      stopId,
      observedS: (sample.ms - previous.ms) / 1000,
      scheduledS,
      ms: sample.ms,
    };
  }
}
