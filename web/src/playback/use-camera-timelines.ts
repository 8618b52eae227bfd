// The timelines of the cameras played, for the day shown: read again every 30 s while the day is still going on (new
// footage, a gap that began), and retried after a failure whose reason is kept to be shown.
import { useEffect, useState } from 'react';
import type { CameraTimeline } from '@toc/server/schemas';
import { fetchTimeline } from '../api/recordings.api';
import type { TimeView } from './timeline-scale';

export interface Lane {
  /** The last timeline read (kept through a failed refresh); null until the first arrives. */
  timeline: CameraTimeline | null;
  error: unknown;
}

const REFRESH_MS = 30_000;
const RETRY_MS = 10_000;
const NO_LANES: ReadonlyMap<number, Lane> = new Map();

/** Per camera id; a camera not in the map is still loading. */
export function useCameraTimelines(cameraIds: readonly number[], day: TimeView): ReadonlyMap<number, Lane> {
  const key = `${cameraIds.join(',')}@${day.from}`;
  const [state, setState] = useState<{ key: string; lanes: ReadonlyMap<number, Lane> }>({
    key,
    lanes: NO_LANES,
  });

  useEffect(() => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      const results = await Promise.all(
        cameraIds.map(async (id) => {
          try {
            return { id, timeline: await fetchTimeline(id, day.from, day.to, abort.signal), error: null };
          } catch (error) {
            return { id, timeline: null, error };
          }
        }),
      );
      if (abort.signal.aborted) return;
      setState((current) => {
        const lanes = new Map<number, Lane>();
        for (const { id, timeline, error } of results) {
          const previous = current.key === key ? (current.lanes.get(id)?.timeline ?? null) : null;
          lanes.set(id, { timeline: timeline ?? previous, error });
        }
        return { key, lanes };
      });
      const failed = results.some((r) => r.error !== null);
      if (failed || day.to > Date.now())
        timer = setTimeout(() => void load(), failed ? RETRY_MS : REFRESH_MS);
    };
    void load();
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
    // `key` names the cameras and the day; the arrays behind it are fresh on every render.
  }, [key]);

  return state.key === key ? state.lanes : NO_LANES;
}
