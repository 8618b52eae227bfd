// Writes bus alarms through the event store (PostGIS first, then announced), one alarm per vehicle and type, repeats folded in.
import { insertEventUpdate, updateDetectedEvent } from '@toc/server/repositories/events.repository';
import type { Queryable } from '@toc/server/db/pool';
import type { EventStore } from '@toc/server/services/event-store.service';
import { busFoldKey } from '../outputs/fold-keys';
import { busEvent, busEventPayload, type BusContext } from './bus-alert-text';
import type { AlertAction } from './bus-alerts';

type Log = (level: 'info' | 'warn' | 'error', message: string, detail?: Record<string, unknown>) => void;

export class BusEventWriter {
  private readonly eventIds = new Map<string, number>();
  /** Alarms left open by an earlier run: taken over when the same alarm is raised, else ended after a while. */
  private adopted = new Map<string, number>();

  constructor(
    private readonly db: Queryable,
    private readonly events: EventStore,
    private readonly log: Log,
  ) {}

  async adoptOpen(): Promise<void> {
    const { rows } = await this.db.query<{ id: number; type: string; vehicle_id: string }>(
      "SELECT id, type, payload->>'vehicleId' AS vehicle_id FROM events WHERE type LIKE 'bus.%' AND ended_at IS NULL AND payload ? 'vehicleId'",
    );
    for (const r of rows) this.adopted.set(`${r.vehicle_id}|${r.type}`, r.id);
  }

  /** Ends the alarms of the earlier run that nobody raised again. */
  async endLeftovers(atMs: number): Promise<void> {
    const leftovers = [...this.adopted.values()];
    this.adopted = new Map();
    for (const id of leftovers) {
      const event = await updateDetectedEvent(this.db, id, { endedAt: new Date(atMs).toISOString() });
      if (event) await this.events.announce(event);
    }
  }

  async apply(actions: readonly AlertAction[], busOf: (vehicleId: number) => BusContext): Promise<void> {
    for (const a of actions) {
      const key = `${a.vehicleId}|${a.type}`;
      try {
        const bus = busOf(a.vehicleId);
        if (a.action === 'open') {
          const earlier = this.adopted.get(key);
          this.adopted.delete(key);
          if (earlier !== undefined) {
            this.eventIds.set(key, earlier);
            await this.change(
              earlier,
              { payload: busEventPayload(a, bus), location: { lon: a.lon, lat: a.lat } },
              'updated',
            );
            continue;
          }
          // A bus flapping on and off its route (or in and out of a gap) is one alarm with a count, not many.
          const { event } = await this.events.raise(busEvent(a, bus), busFoldKey(a.vehicleId, a.type));
          this.eventIds.set(key, event.id);
        } else {
          const id = this.eventIds.get(key);
          if (id === undefined) continue;
          if (a.action === 'update')
            await this.change(
              id,
              { payload: busEventPayload(a, bus), location: { lon: a.lon, lat: a.lat } },
              'updated',
            );
          else {
            this.eventIds.delete(key);
            await this.change(id, { endedAt: new Date(a.atMs).toISOString() }, 'ended');
          }
        }
      } catch (error) {
        this.log('error', 'bus alarm write failed', {
          vehicleId: a.vehicleId,
          type: a.type,
          action: a.action,
          error: (error as Error).message,
        });
      }
    }
  }

  private async change(
    id: number,
    change: Parameters<typeof updateDetectedEvent>[2],
    kind: string,
  ): Promise<void> {
    const event = await updateDetectedEvent(this.db, id, change);
    if (!event) return;
    await insertEventUpdate(this.db, { eventId: id, kind, detail: {} });
    await this.events.announce(event);
  }
}
