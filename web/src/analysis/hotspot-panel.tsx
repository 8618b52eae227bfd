// Hot spots for planners: Getis-Ord Gi* on hexagons and DBSCAN clusters, with their parameters and what they found.
import { useTranslation } from 'react-i18next';
import type { CrashClusterCollection, CrashHotspotReply, HotspotClass } from '@toc/server/schemas';

export interface HotspotParams {
  cellM: string;
  epsM: number;
  minPoints: number;
}

export const DEFAULT_HOTSPOT_PARAMS: HotspotParams = { cellM: '', epsM: 500, minPoints: 3 };

const HOT: readonly HotspotClass[] = ['hot_99', 'hot_95', 'hot_90'];

interface HotspotPanelProps {
  params: HotspotParams;
  onParams: (params: HotspotParams) => void;
  hotspots: CrashHotspotReply | null;
  clusters: CrashClusterCollection | null;
  error: string | null;
}

export function HotspotPanel({ params, onParams, hotspots, clusters, error }: HotspotPanelProps) {
  const { t } = useTranslation();
  const hot = hotspots?.features.filter((f) => HOT.includes(f.properties.class)) ?? [];
  return (
    <section className="analysis-section" data-testid="hotspot-panel">
      <p className="analysis-hint">{t('analysis.hotspots.intro')}</p>
      <form className="analysis-params" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('analysis.hotspots.cell')}
          <input
            type="number"
            min={250}
            max={20000}
            step={250}
            placeholder={t('analysis.hotspots.cellAuto')}
            value={params.cellM}
            onChange={(e) => onParams({ ...params, cellM: e.target.value })}
            data-testid="hotspot-cell"
          />
        </label>
        <label>
          {t('analysis.clusters.eps')}
          <input
            type="number"
            min={10}
            max={5000}
            value={params.epsM}
            onChange={(e) => onParams({ ...params, epsM: Number(e.target.value) })}
            data-testid="cluster-eps"
          />
        </label>
        <label>
          {t('analysis.clusters.minPoints')}
          <input
            type="number"
            min={2}
            max={1000}
            value={params.minPoints}
            onChange={(e) => onParams({ ...params, minPoints: Number(e.target.value) })}
            data-testid="cluster-min-points"
          />
        </label>
      </form>
      {error && (
        <p className="analysis-error" role="alert" data-testid="hotspot-error">
          {error}
        </p>
      )}
      {hotspots && (
        <p data-testid="hotspot-summary" data-hot={hot.length}>
          {t('analysis.hotspots.summary', {
            hot: hot.length,
            cells: hotspots.regionCells,
            cellM: hotspots.cellM,
            mean: hotspots.meanPerCell.toFixed(2),
          })}
        </p>
      )}
      {clusters && (
        <p data-testid="cluster-summary" data-clusters={clusters.clusters}>
          {t('analysis.clusters.summary', {
            clusters: clusters.clusters,
            clustered: clusters.clusteredCrashes,
            crashes: clusters.crashes,
          })}
        </p>
      )}
    </section>
  );
}
