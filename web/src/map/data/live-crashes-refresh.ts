// When the live crash layer reads again: a debounce for bursts of changes, and the newest traffic incident event.
import { TRAFFIC_INCIDENT_TYPES, type Event, type EventType } from '@toc/server/schemas';

const INCIDENT_TYPES = new Set<EventType>(TRAFFIC_INCIDENT_TYPES);

/**
 * The highest seq among traffic incident events: an event takes a new seq on every change, so a new value means an
 * incident came, changed status or was dismissed. 0 when there is none.
 */
export function trafficIncidentVersion(events: readonly Event[]): number {
  let version = 0;
  for (const event of events) if (INCIDENT_TYPES.has(event.type) && event.seq > version) version = event.seq;
  return version;
}

/** Runs `action` once, `waitMs` after the last of a burst of triggers (an import or a busy shift sends several). */
export class Debouncer {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly action: () => void,
    private readonly waitMs: number,
  ) {}

  trigger(): void {
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.action();
    }, this.waitMs);
  }

  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
