// Loads one vehicle's track for a period and keeps its load state for the replay panel.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-error';
import type { Language } from '../i18n/i18n';
import { fetchTrack } from './buses.api';
import { trackFromGeoJson, type TrackPoint } from './track';

export type TrackLoad =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'failed'; message: string | null }
  | { status: 'ready'; vehicleId: number; from: Date; to: Date; points: TrackPoint[] };

export function useBusTrack(language: Language): [TrackLoad, (vehicleId: number, from: Date, to: Date) => void] {
  const [load, setLoad] = useState<TrackLoad>({ status: 'idle' });
  const abortRef = useRef<AbortController | null>(null);

  useEffect(() => () => abortRef.current?.abort(), []);

  const start = useCallback(
    (vehicleId: number, from: Date, to: Date) => {
      abortRef.current?.abort();
      const abort = new AbortController();
      abortRef.current = abort;
      setLoad({ status: 'loading' });
      fetchTrack(vehicleId, from, to, abort.signal)
        .then((collection) => setLoad({ status: 'ready', vehicleId, from, to, points: trackFromGeoJson(collection) }))
        .catch((error: unknown) => {
          if (abort.signal.aborted) return;
          // The server says why (period too long, unknown bus) in both languages.
          setLoad({ status: 'failed', message: error instanceof ApiError ? error.localizedMessage(language) : null });
        });
    },
    [language],
  );
  return [load, start];
}
