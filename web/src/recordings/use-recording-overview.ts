// The recording overview, fetched again every 15 s; a failed fetch keeps the last figures on screen and says so.
import { useCallback, useEffect, useState } from 'react';
import type { CameraRecordingSettings, RecordingOverview } from '@toc/server/schemas';
import { fetchRecordingOverview } from '../api/recording-admin.api';

export const OVERVIEW_REFRESH_MS = 15_000;

export interface OverviewState {
  overview: RecordingOverview | null;
  /** The last fetch failed (the figures shown, if any, are older). */
  failed: boolean;
  /** When the figures shown were fetched (epoch ms). */
  loadedAt: number | null;
}

export function useRecordingOverview() {
  const [state, setState] = useState<OverviewState>({ overview: null, failed: false, loadedAt: null });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      fetchRecordingOverview(abort.signal)
        .then(
          (overview) => setState({ overview, failed: false, loadedAt: Date.now() }),
          () => {
            if (!abort.signal.aborted) setState((s) => ({ ...s, failed: true }));
          },
        )
        .finally(() => {
          // The next fetch is timed from the end of this one: a slow server is never asked twice at once.
          if (!abort.signal.aborted) timer = setTimeout(load, OVERVIEW_REFRESH_MS);
        });
    };
    load();
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [version]);

  /** Fetch now (after a change here), dropping a fetch already under way that may predate it. */
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  /** Shows a camera's saved settings at once, before the next fetch confirms them. */
  const patchSettings = useCallback((cameraId: number, settings: CameraRecordingSettings) => {
    setState((s) =>
      s.overview
        ? {
            ...s,
            overview: {
              ...s.overview,
              cameras: s.overview.cameras.map((c) => (c.cameraId === cameraId ? { ...c, ...settings } : c)),
            },
          }
        : s,
    );
  }, []);

  return { ...state, reload, patchSettings };
}
