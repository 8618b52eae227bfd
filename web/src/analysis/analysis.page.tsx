// The traffic planners' crash analysis: a filter, the map (hexagon heatmap, Gi* hot spots, clusters, ranked road
// sections, a drawn area) and the analyses beside it: time and cause, road sections, hot spots, before/after, open data.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role, RoadSection } from '@toc/server/schemas';
import { routeHref } from '../app/hash-router';
import { canImportCrashes } from '../auth/permissions';
import { appConfig } from '../config/app.config';
import type { AreaBounds } from './area-picker';
import { BreakdownCharts } from './charts/breakdown-charts';
import { CrashFilterForm } from './crash-filter-form';
import {
  crashQueryString,
  DEFAULT_FILTER,
  type CrashFilterState,
  type DrawnPolygon,
} from './crash-filter-state';
import { heatmapTilesUrl, pointsTilesUrl } from './crashes.api';
import { DEFAULT_HOTSPOT_PARAMS, HotspotPanel, type HotspotParams } from './hotspot-panel';
import { CrashAnalysisMap } from './map/crash-analysis-map';
import { BeforeAfterPanel } from './tools/before-after-panel';
import { CrashDownloads } from './tools/crash-downloads';
import { RoadSectionsPanel } from './tools/road-sections-panel';
import { useAnalysisData } from './use-analysis-data';
import './analysis.css';

const TABS = ['charts', 'sections', 'hotspots', 'before-after', 'data'] as const;
type Tab = (typeof TABS)[number];
type Layers = { heatmap: boolean; points: boolean; hotspots: boolean; clusters: boolean; sections: boolean };
const LAYER_NAMES = ['heatmap', 'points', 'hotspots', 'clusters', 'sections'] as const;

export default function AnalysisPage({ role }: { role: Role }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<CrashFilterState>(DEFAULT_FILTER);
  const [tab, setTab] = useState<Tab>('charts');
  const [layers, setLayers] = useState<Layers>({
    heatmap: true,
    points: false,
    hotspots: false,
    clusters: false,
    sections: true,
  });
  const [hotspotParams, setHotspotParams] = useState<HotspotParams>(DEFAULT_HOTSPOT_PARAMS);
  const [sections, setSections] = useState<RoadSection[]>([]);
  const [drawing, setDrawing] = useState(false);
  const [fitBounds, setFitBounds] = useState<AreaBounds | null>(null);
  const [focus, setFocus] = useState<{ lon: number; lat: number; key: number } | null>(null);
  const data = useAnalysisData(filter, hotspotParams, {
    hotspots: layers.hotspots || tab === 'hotspots',
    clusters: layers.clusters || tab === 'hotspots',
  });

  const applyPolygon = (polygon: DrawnPolygon | null) => {
    setDrawing(false);
    setFilter((f) => ({ ...f, polygon }));
  };

  return (
    <main className="analysis-page" data-testid="analysis-page">
      <aside className="analysis-filter">
        <h2>{t('analysis.title')}</h2>
        <CrashFilterForm
          applied={filter}
          options={data.options.data}
          drawing={drawing}
          onApply={(next, bounds) => {
            setFilter(next);
            if (bounds) setFitBounds(bounds);
          }}
          onDraw={() => setDrawing((d) => !d)}
          onClearPolygon={() => applyPolygon(null)}
        />
      </aside>
      <section className="analysis-map">
        <CrashAnalysisMap
          config={appConfig.map}
          heatmapTiles={heatmapTilesUrl(filter)}
          pointsTiles={pointsTilesUrl(filter)}
          hotspots={layers.hotspots ? data.hotspots.data : null}
          clusters={layers.clusters ? data.clusters.data : null}
          sections={sections}
          layers={layers}
          fitBounds={fitBounds}
          focus={focus}
          drawnPolygon={filter.polygon}
          drawing={drawing}
          onPolygonDrawn={applyPolygon}
          onDrawingCancelled={() => setDrawing(false)}
        />
        <fieldset className="analysis-layers" data-testid="analysis-layers">
          <legend>{t('analysis.layers')}</legend>
          {LAYER_NAMES.map((name) => (
            <label key={name}>
              <input
                type="checkbox"
                checked={layers[name]}
                onChange={() => setLayers((l) => ({ ...l, [name]: !l[name] }))}
                data-testid={`layer-${name}`}
              />
              {t(`analysis.layer.${name}`)}
            </label>
          ))}
        </fieldset>
      </section>
      <section className="analysis-results">
        <nav className="analysis-tabs" role="tablist">
          {TABS.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={tab === name}
              className={tab === name ? 'active' : undefined}
              onClick={() => setTab(name)}
              data-testid={`analysis-tab-${name}`}
            >
              {t(`analysis.tab.${name}`)}
            </button>
          ))}
        </nav>
        <div className="analysis-tab-body">
          {tab === 'charts' && (
            <>
              {data.breakdown.error && (
                <p className="analysis-error" role="alert" data-testid="breakdown-error">
                  {data.breakdown.error}
                </p>
              )}
              {data.breakdown.data && <BreakdownCharts breakdown={data.breakdown.data} />}
            </>
          )}
          {/* Kept mounted, hidden: its ranking feeds the map layer whichever tab is open. */}
          <div hidden={tab !== 'sections'}>
            <RoadSectionsPanel
              filter={filter}
              onSections={setSections}
              onSelect={(place) => setFocus({ ...place, key: Date.now() })}
            />
          </div>
          {tab === 'hotspots' && (
            <HotspotPanel
              params={hotspotParams}
              onParams={setHotspotParams}
              hotspots={data.hotspots.data}
              clusters={data.clusters.data}
              error={data.hotspots.error ?? data.clusters.error}
            />
          )}
          {tab === 'before-after' && (
            <BeforeAfterPanel filter={filter} drawnPolygon={filter.polygon} areaCode={filter.area} />
          )}
          {tab === 'data' && (
            <>
              <CrashDownloads filter={filter} />
              <p className="analysis-hint">
                {/* A page of its own, so the browser prints (or saves as PDF) the report and not the controls. */}
                <a
                  className="button secondary"
                  href={`${routeHref('analysis-report')}?${crashQueryString(filter)}`}
                  target="_blank"
                  rel="noopener"
                  data-testid="analysis-report-link"
                >
                  {t('analysis.report.open')}
                </a>
              </p>
              {canImportCrashes(role) && (
                <p className="analysis-hint">
                  <a href={routeHref('crash-imports')} data-testid="analysis-imports-link">
                    {t('analysis.importsLink')}
                  </a>
                </p>
              )}
              <p className="analysis-hint">
                <a href={routeHref('punctuality')} data-testid="analysis-punctuality-link">
                  {t('analysis.punctualityLink')}
                </a>
              </p>
            </>
          )}
        </div>
      </section>
    </main>
  );
}
