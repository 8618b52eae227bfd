// Headways at stops (pure): each departure compared with the previous bus of the same route and direction there.
import { scheduledDepartureMs, type TripInstance } from './transit-model';
import type { DepartureSample } from './vehicle-tracker';

export interface HeadwaySample {
  vehicleId: number;
  aheadVehicleId: number;
  stopId: string;
  observedS: number;
  scheduledS: number;
  ms: number;
  /** 'so_far' while the bus has not yet left the stop: the headway there will be at least this. */
  measured: 'at_departure' | 'so_far';
}

/** Scheduled headways shorter than this are too tight to judge, longer ones are separate services. */
const MIN_SCHEDULED_S = 120;
const MAX_SCHEDULED_S = 2 * 3600;

/** One line of departures per stop, route and direction. */
const keyOf = (inst: TripInstance, index: number) => {
  const trip = inst.trip;
  return `${trip.feedId}|${trip.routeId}|${trip.directionId ?? trip.shape.id}|${trip.stopIds[index]!}`;
};

export class HeadwayBook {
  private readonly last = new Map<string, { vehicleId: number; ms: number; scheduledMs: number }>();

  departed(sample: DepartureSample): HeadwaySample | null {
    const key = keyOf(sample.inst, sample.index);
    const scheduledMs = scheduledDepartureMs(sample.inst, sample.index);
    const previous = this.last.get(key);
    this.last.set(key, { vehicleId: sample.vehicleId, ms: sample.ms, scheduledMs });
    return previous
      ? this.compare(sample.vehicleId, sample.inst, sample.index, previous, sample.ms, 'at_departure')
      : null;
  }

  /**
   * For a bus that has not yet left stop `index` of its trip: the time since the bus ahead left it, the least its
   * headway there can be. A gap that grows between stops is seen now instead of when the late bus finally departs.
   */
  sinceAheadLeft(vehicleId: number, inst: TripInstance, index: number, nowMs: number): HeadwaySample | null {
    if (index >= inst.trip.stopIds.length) return null;
    const previous = this.last.get(keyOf(inst, index));
    return previous ? this.compare(vehicleId, inst, index, previous, nowMs, 'so_far') : null;
  }

  private compare(
    vehicleId: number,
    inst: TripInstance,
    index: number,
    previous: { vehicleId: number; ms: number; scheduledMs: number },
    ms: number,
    measured: HeadwaySample['measured'],
  ): HeadwaySample | null {
    if (previous.vehicleId === vehicleId) return null;
    const scheduledS = (scheduledDepartureMs(inst, index) - previous.scheduledMs) / 1000;
    if (scheduledS < MIN_SCHEDULED_S || scheduledS > MAX_SCHEDULED_S) return null;
    return {
      vehicleId,
      aheadVehicleId: previous.vehicleId,
      stopId: inst.trip.stopIds[index]!,
      observedS: (ms - previous.ms) / 1000,
      scheduledS,
      ms,
      measured,
    };
  }
}
