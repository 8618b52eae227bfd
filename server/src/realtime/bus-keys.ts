// Redis key names of the bus pipeline, under the deployment's prefix (tests and benches use their own prefix).
export const busKeys = (prefix: string) => ({
  /** Stream of accepted requests: one entry per HTTP request, field `fixes` = GpsStreamEntry JSON. */
  fixes: `${prefix}:gps:fixes`,
  /** Hash deviceId → the filters' memory of that device (last fix, recent times). */
  filterState: `${prefix}:gps:filter-state`,
  /** Hash vehicleId → BusState JSON: the latest known state of each bus. */
  busState: `${prefix}:bus:state`,
  /** StopArrivalsMessage JSON of one stop, written by the transit engine. */
  stopArrivals: (feedId: number, stopId: string) => `${prefix}:stop-arrivals:${feedId}:${stopId}`,
});
export type BusKeys = ReturnType<typeof busKeys>;
