// Reads the vehicle counts out of a traffic.vehicles event payload, defensively (payload is untyped JSON).
import type { Event, VehicleCountPayload } from '@toc/server/schemas';

export interface VehicleSummary {
  /** Classes with a count above zero, largest first. */
  classes: { cls: string; count: number }[];
  total: number;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

export function vehicleSummary(event: Pick<Event, 'type' | 'payload'>): VehicleSummary | null {
  if (event.type !== 'traffic.vehicles') return null;
  const payload = event.payload as Partial<VehicleCountPayload>;
  const counts = payload.counts;
  if (!counts || typeof counts !== 'object') return null;
  const classes = Object.entries(counts)
    .filter((entry): entry is [string, number] => isCount(entry[1]) && entry[1] > 0)
    .map(([cls, count]) => ({ cls, count }))
    .sort((a, b) => b.count - a.count || a.cls.localeCompare(b.cls));
  const total = isCount(payload.total) ? payload.total : classes.reduce((sum, c) => sum + c.count, 0);
  return { classes, total };
}
