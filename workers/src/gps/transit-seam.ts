// The one place the GPS worker meets the transit engine; GPS_TRANSIT=off puts a stand-in there that assigns no trips.
import {
  createTransitEngine,
  type TransitEngine,
  type TransitEngineContext,
  type TripFields,
} from '../transit/transit-engine';
import { unassignedFields } from '../transit/vehicle-state';

export type { TransitEngine, TripFields, VehicleFix } from '../transit/transit-engine';

export const UNASSIGNED: TripFields = unassignedFields('unassigned');

const standIn: TransitEngine = {
  onFix: () => UNASSIGNED,
  tick: async () => [],
  reload: async () => undefined,
  close: async () => undefined,
};

export const startTransitEngine = (ctx: TransitEngineContext, enabled: boolean): Promise<TransitEngine> =>
  enabled ? createTransitEngine(ctx) : Promise.resolve(standIn);
