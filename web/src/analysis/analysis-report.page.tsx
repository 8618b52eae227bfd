// The printable report of a crash analysis (#/analysis-report?<filter>): the filter in words, the map, the figures
// and charts, and the ranked road sections; the browser prints it or saves it as PDF (Thai shaped by Chromium).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaSummary, CrashBreakdown, RoadSection } from '@toc/server/schemas';
import { useHashQuery } from '../app/hash-router';
import { appConfig } from '../config/app.config';
import { formatDateTime } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { BreakdownCharts } from './charts/breakdown-charts';
import { readCrashQuery, type CrashFilterState } from './crash-filter-state';
import {
  fetchAreas,
  fetchBreakdown,
  fetchRoadSections,
  heatmapTilesUrl,
  pointsTilesUrl,
} from './crashes.api';
import { CrashAnalysisMap, type CrashMapBounds } from './map/crash-analysis-map';
import { ReportFilterSummary } from './report-filter-summary';
import { SectionsTable } from './tools/sections-table';
import './analysis-report.css';

/** Sections printed: a page of the ranking. */
const REPORT_SECTIONS = 20;
const LAYERS = { heatmap: true, points: false, hotspots: false, clusters: false, sections: true };

/** The area whose code is given, from the list of its parent's areas. */
async function findArea(code: string, signal: AbortSignal): Promise<AreaSummary | null> {
  if (!/^TH\d{2}(\d{2}){0,2}$/.test(code)) return null;
  const parent = code.length === 4 ? null : code.slice(0, code.length - 2);
  return (await fetchAreas(parent, signal)).find((area) => area.code === code) ?? null;
}

function polygonBounds(filter: CrashFilterState): CrashMapBounds | null {
  const ring = filter.polygon?.coordinates[0];
  if (!ring?.length) return null;
  const lons = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

export default function AnalysisReportPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const query = useHashQuery();
  const queryText = query.toString();
  const [filter] = useState(() => readCrashQuery(query));
  const [area, setArea] = useState<AreaSummary | null>(null);
  const [breakdown, setBreakdown] = useState<CrashBreakdown | null>(null);
  const [sections, setSections] = useState<RoadSection[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [generatedAt] = useState(() => new Date());

  useEffect(() => {
    const abort = new AbortController();
    Promise.all([
      findArea(filter.area, abort.signal),
      fetchBreakdown(filter, abort.signal),
      fetchRoadSections(filter, { limit: REPORT_SECTIONS }, abort.signal),
    ]).then(
      ([foundArea, figures, ranking]) => {
        setArea(foundArea);
        setBreakdown(figures);
        setSections(ranking.sections);
      },
      () => {
        if (!abort.signal.aborted) setFailed(true);
      },
    );
    return () => abort.abort();
    // The report is of the filter it was opened with.
  }, [queryText]);

  const areaName = area ? (language === 'th' ? area.nameTh : area.nameEn) : null;
  const bounds = polygonBounds(filter) ?? (area?.bbox as CrashMapBounds | undefined) ?? null;
  const ready = Boolean(breakdown && sections);

  return (
    <main className="analysis-report" data-testid="analysis-report" data-ready={ready}>
      <div className="report-actions">
        <button
          type="button"
          className="button primary"
          onClick={() => window.print()}
          data-testid="report-print"
        >
          {t('analysis.report.print')}
        </button>
      </div>
      <header>
        <h2>{t('analysis.report.title', { area: areaName ?? t('analysis.wholeCountry') })}</h2>
        <p className="report-generated">
          {t('analysis.report.generated', { at: formatDateTime(generatedAt, language) })}
        </p>
      </header>
      <ReportFilterSummary filter={filter} areaName={areaName} breakdown={breakdown} />
      {failed && (
        <p className="analysis-error" role="alert" data-testid="report-error">
          {t('analysis.offline')}
        </p>
      )}
      {(area || !filter.area || filter.polygon) && (
        <div className="report-map">
          <CrashAnalysisMap
            config={appConfig.map}
            heatmapTiles={heatmapTilesUrl(filter)}
            pointsTiles={pointsTilesUrl(filter)}
            hotspots={null}
            clusters={null}
            sections={sections ?? []}
            layers={LAYERS}
            fitBounds={bounds}
            focus={null}
            drawnPolygon={filter.polygon}
            drawing={false}
            onPolygonDrawn={() => undefined}
            onDrawingCancelled={() => undefined}
            printable
          />
        </div>
      )}
      {breakdown && <BreakdownCharts breakdown={breakdown} />}
      {sections && (
        <section className="report-sections">
          <h3>{t('analysis.report.sections', { count: sections.length })}</h3>
          <SectionsTable sections={sections} selectedRank={null} onChoose={() => undefined} />
        </section>
      )}
      <p className="report-source">{t('analysis.report.source')}</p>
    </main>
  );
}
