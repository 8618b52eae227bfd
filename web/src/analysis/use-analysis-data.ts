// Loads what the analysis page shows for the applied filter: the breakdown, the vocabulary choices, hot spots and
// clusters, each request aborted when the filter changes before it answers.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrashBreakdown, CrashClusterCollection, CrashHotspotReply } from '@toc/server/schemas';
import { ApiError } from '../api/api-error';
import { useLanguage } from '../i18n/use-language';
import type { CrashFilterState } from './crash-filter-state';
import { fetchBreakdown, fetchClusters, fetchHotspots } from './crashes.api';
import type { HotspotParams } from './hotspot-panel';

export type Loaded<T> = { data: T | null; error: string | null; loading: boolean };
const EMPTY = { data: null, error: null, loading: false };

/** Runs `load` whenever `key` changes; keeps the last answer while the next loads. */
function useLoaded<T>(key: string, enabled: boolean, load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const { t } = useTranslation();
  const language = useLanguage();
  const [state, setState] = useState<Loaded<T>>(EMPTY);
  useEffect(() => {
    if (!enabled) return;
    const abort = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    load(abort.signal).then(
      (data) => setState({ data, error: null, loading: false }),
      (error: unknown) => {
        if (abort.signal.aborted) return;
        const reason = error instanceof ApiError ? error.localizedMessage(language) : t('analysis.offline');
        setState({ data: null, error: reason, loading: false });
      },
    );
    return () => abort.abort();
    // `key` stands for everything `load` reads.
  }, [key, enabled]);
  return state;
}

/** The filter without the coded choices: what the vocabulary lists offer. */
const optionsFilter = (filter: CrashFilterState): CrashFilterState => ({
  ...filter,
  causes: [],
  crashTypes: [],
  vehicles: [],
  weather: [],
});

export function useAnalysisData(
  filter: CrashFilterState,
  hotspotParams: HotspotParams,
  show: { hotspots: boolean; clusters: boolean },
) {
  const key = JSON.stringify(filter);
  const breakdown = useLoaded<CrashBreakdown>(key, true, (signal) => fetchBreakdown(filter, signal));
  const optionsKey = JSON.stringify(optionsFilter(filter));
  // With no coded choice the two filters are one: the breakdown already is the list of choices.
  const sameFilter = optionsKey === key;
  const ownOptions = useLoaded<CrashBreakdown>(optionsKey, !sameFilter, (signal) =>
    fetchBreakdown(optionsFilter(filter), signal),
  );
  const options = sameFilter ? breakdown : ownOptions;
  const cellM = hotspotParams.cellM ? Number(hotspotParams.cellM) : undefined;
  const hotspots = useLoaded<CrashHotspotReply>(`${key}|${cellM}`, show.hotspots, (signal) =>
    fetchHotspots(filter, { cellM }, signal),
  );
  const clusters = useLoaded<CrashClusterCollection>(
    `${key}|${hotspotParams.epsM}|${hotspotParams.minPoints}`,
    show.clusters,
    (signal) =>
      fetchClusters(filter, { epsM: hotspotParams.epsM, minPoints: hotspotParams.minPoints }, signal),
  );
  return { breakdown, options, hotspots, clusters };
}
