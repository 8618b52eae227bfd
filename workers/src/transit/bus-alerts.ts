// Bus alarms (pure): off-route, overspeed, bunching, gap and stale, one open alarm per vehicle and type, updated not repeated.
import type { EventType } from '@toc/server/schemas';
import type { HeadwaySample } from './headway-book';
import { tripStartMs } from './transit-model';
import type { VehicleState } from './vehicle-state';

export type BusAlertType = Extract<EventType, `bus.${string}`>;

export interface AlertOptions {
  overspeedKmh: number;
  /** Over the limit at least this long before it counts. */
  overspeedMinS: number;
  staleAfterS: number;
  bunchingRatio: number;
  gapRatio: number;
}

export const DEFAULT_ALERT_OPTIONS: AlertOptions = {
  overspeedKmh: 80,
  overspeedMinS: 10,
  staleAfterS: 300,
  bunchingRatio: 0.25,
  gapRatio: 2,
};

export interface AlertAction {
  action: 'open' | 'update' | 'end';
  type: BusAlertType;
  vehicleId: number;
  atMs: number;
  lon: number;
  lat: number;
  detail: Record<string, number | string | null>;
}

/** Updates of an open alarm at most this often, and only for a real change. */
const UPDATE_EVERY_MS = 30_000;

export class BusAlerts {
  private readonly open = new Map<
    string,
    { detail: Record<string, number | string | null>; updatedMs: number }
  >();
  private readonly overSince = new Map<number, { sinceMs: number; maxKmh: number }>();
  private actions: AlertAction[] = [];

  constructor(private readonly options: AlertOptions) {}

  isOpen(vehicleId: number, type: BusAlertType): boolean {
    return this.open.has(`${vehicleId}|${type}`);
  }

  private raise(
    v: VehicleState,
    type: BusAlertType,
    atMs: number,
    detail: Record<string, number | string | null>,
    changed: (before: Record<string, number | string | null>) => boolean,
  ): void {
    const key = `${v.vehicleId}|${type}`;
    const current = this.open.get(key);
    const base = { type, vehicleId: v.vehicleId, atMs, lon: v.lon, lat: v.lat };
    if (!current) {
      this.open.set(key, { detail, updatedMs: atMs });
      this.actions.push({ action: 'open', ...base, detail });
    } else if (atMs - current.updatedMs >= UPDATE_EVERY_MS && changed(current.detail)) {
      this.open.set(key, { detail, updatedMs: atMs });
      this.actions.push({ action: 'update', ...base, detail });
    }
  }

  private clear(v: VehicleState, type: BusAlertType, atMs: number): void {
    const key = `${v.vehicleId}|${type}`;
    const current = this.open.get(key);
    if (!current) return;
    this.open.delete(key);
    this.actions.push({
      action: 'end',
      type,
      vehicleId: v.vehicleId,
      atMs,
      lon: v.lon,
      lat: v.lat,
      detail: current.detail,
    });
  }

  /** After each fix of the vehicle. */
  afterFix(v: VehicleState): void {
    const ms = v.fixMs;
    this.clear(v, 'bus.stale', ms);
    if (v.state === 'off_route') {
      const offsetM = Number.isFinite(v.offset) ? Math.round(v.offset) : null;
      this.raise(
        v,
        'bus.off_route',
        ms,
        { offsetM },
        (before) => (offsetM ?? 0) > ((before.offsetM as number | null) ?? 0) + 100,
      );
    } else if (v.offRouteFixes === 0 && v.inst) this.clear(v, 'bus.off_route', ms);

    const speed = v.speedKmh;
    if (speed !== null && speed > this.options.overspeedKmh) {
      const over = this.overSince.get(v.vehicleId) ?? { sinceMs: ms, maxKmh: speed };
      over.maxKmh = Math.max(over.maxKmh, speed);
      this.overSince.set(v.vehicleId, over);
      if (ms - over.sinceMs >= this.options.overspeedMinS * 1000) {
        const maxSpeedKmh = Math.round(over.maxKmh);
        this.raise(
          v,
          'bus.overspeed',
          ms,
          { maxSpeedKmh, limitKmh: this.options.overspeedKmh },
          (before) => maxSpeedKmh >= (before.maxSpeedKmh as number) + 5,
        );
      }
    } else if (speed !== null) {
      this.overSince.delete(v.vehicleId);
      this.clear(v, 'bus.overspeed', ms);
    }
  }

  /**
   * From tick(): a vehicle on a trip that has gone silent. A bus waiting at the terminus for a run that leaves later
   * (the night between a block's last run and its first next morning) may park with its engine off: its silence counts
   * only from that run's departure.
   */
  checkStale(v: VehicleState, nowMs: number): boolean {
    if (!v.inst || v.fixMs === 0) return false;
    const silentSinceMs = v.state === 'layover' ? Math.max(v.fixMs, tripStartMs(v.inst)) : v.fixMs;
    if (nowMs - silentSinceMs < this.options.staleAfterS * 1000) return false;
    this.raise(
      v,
      'bus.stale',
      nowMs,
      { lastFixAt: new Date(v.fixMs).toISOString(), silentS: Math.round((nowMs - v.fixMs) / 1000) },
      () => false,
    );
    return true;
  }

  /**
   * A headway against the timetable's. At a departure it is the headway: bunching or a gap opens, and normal again
   * (with some margin) ends the alarm. Before the departure it is the least the headway will be: it can only open
   * or grow a gap.
   */
  headway(v: VehicleState, h: HeadwaySample): void {
    const ratio = h.observedS / h.scheduledS;
    const detail = {
      headwayS: Math.round(h.observedS),
      scheduledHeadwayS: Math.round(h.scheduledS),
      aheadVehicleId: h.aheadVehicleId,
      stopId: h.stopId,
      measured: h.measured,
    };
    const moved = (before: Record<string, number | string | null>) =>
      Math.abs((before.headwayS as number) - detail.headwayS) >= 60;
    if (ratio > this.options.gapRatio) this.raise(v, 'bus.gap', h.ms, detail, moved);
    if (h.measured === 'so_far') return;
    if (ratio < this.options.bunchingRatio) this.raise(v, 'bus.bunching', h.ms, detail, moved);
    if (ratio >= 0.4) this.clear(v, 'bus.bunching', h.ms);
    if (ratio <= 1.6) this.clear(v, 'bus.gap', h.ms);
  }

  /** A vehicle that stops working a trip ends its headway alarms (there is no service left to space). */
  tripEnded(v: VehicleState, ms: number): void {
    this.clear(v, 'bus.bunching', ms);
    this.clear(v, 'bus.gap', ms);
  }

  take(): AlertAction[] {
    const out = this.actions;
    this.actions = [];
    return out;
  }
}
