// The fleet and the live buses over REST (the replay's bus picker, without the socket feed), a vehicle's track and stop calls.
import type { FeatureCollection, Geometry } from 'geojson';
import type { BusState, Vehicle, VehicleStopCalls } from '@toc/server/schemas';
import { request } from '../api/http.client';
import { stopCallsUrl, trackUrl } from './transit.api';

export function fetchBuses(signal?: AbortSignal): Promise<BusState[]> {
  return request<BusState[]>('api/buses', { signal });
}

/** Every registered vehicle (not for every role: callers fall back to the live buses). */
export function fetchVehicles(signal?: AbortSignal): Promise<Vehicle[]> {
  return request<Vehicle[]>('api/vehicles', { signal });
}

export function fetchTrack(vehicleId: number, from: Date, to: Date, signal?: AbortSignal): Promise<FeatureCollection<Geometry | null>> {
  return request<FeatureCollection<Geometry | null>>(trackUrl(vehicleId, from, to, 'geojson'), { signal });
}

export function fetchStopCalls(vehicleId: number, from: Date, to: Date, signal?: AbortSignal): Promise<VehicleStopCalls> {
  return request<VehicleStopCalls>(stopCallsUrl(vehicleId, from, to), { signal });
}
