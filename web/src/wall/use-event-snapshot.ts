// The newest whole-frame snapshot of an event, or of the sighting behind an elephant warning (footage roles only).
import { useEffect, useState } from 'react';
import type { Event, Snapshot } from '@toc/server/schemas';
import { fetchSnapshots } from '../api/evidence.api';
import { sightingIdOf } from './event-text';

const newestFrame = (snapshots: readonly Snapshot[]): Snapshot | null =>
  [...snapshots].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id).find((s) => s.kind === 'frame') ??
  snapshots[0] ??
  null;

export function useEventSnapshot(event: Event, allowed: boolean): Snapshot | null {
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const sightingId = sightingIdOf(event);

  // Read again on every change of the event (a new still from the trap updates it).
  useEffect(() => {
    if (!allowed) return;
    const abort = new AbortController();
    const load = async () => {
      const own = await fetchSnapshots(event.id, abort.signal);
      const found = newestFrame(own) ?? (sightingId === null ? null : newestFrame(await fetchSnapshots(sightingId, abort.signal)));
      if (!abort.signal.aborted) setSnapshot(found);
    };
    load().catch(() => undefined);
    return () => abort.abort();
  }, [event.id, event.seq, sightingId, allowed]);

  return allowed ? snapshot : null;
}
