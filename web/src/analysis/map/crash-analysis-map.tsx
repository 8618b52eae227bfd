// The map of the planners' crash analysis page: the hexagon heatmap, crash points, Gi* hot spots, DBSCAN clusters and
// ranked road sections over the offline basemap, with popups, a legend, and drawing an area to filter by.
import 'maplibre-gl/dist/maplibre-gl.css';
import '../../map/maplibre-worker';
import './analysis-map.css';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrashClusterCollection, CrashHotspotReply, RoadSection } from '@toc/server/schemas';
import type { MapConfig } from '../../config/app.config';
import { currentLanguage } from '../../i18n/i18n';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { createMap } from '../../map/create-map';
import { addBasemapLayers } from '../../map/layers/basemap.layer';
import { loadBasemap } from '../../map/load-basemap';
import { MapAttribution } from '../../map/map-attribution';
import { clearExposedMap, exposeMap } from '../../map/test-hooks';
import type { DrawnPolygon } from '../crash-filter-state';
import { setClusters } from './clusters.layer';
import type { CrashLayerVisibility } from './crash-layer-ids';
import { addCrashLayers, applyCrashLayerVisibility } from './crash-layers';
import { CrashMapLegend } from './crash-map-legend';
import { installCrashPopups, type CrashPopups } from './crash-map-popups';
import { setDrawnPolygon } from './drawn-polygon.layer';
import { setHeatmapTiles } from './heatmap.layer';
import { setHotspots } from './hotspots.layer';
import { setPointsTiles } from './points.layer';
import { provideNumberIcons } from './number-icons';
import type { PopupText } from './popup-content';
import { setSections } from './sections.layer';
import { usePolygonDrawing } from './use-polygon-drawing';

/** [west, south, east, north] in degrees. */
export type CrashMapBounds = [number, number, number, number];

export interface CrashAnalysisMapProps {
  config: MapConfig;
  /** Vector tile URL template (absolute, with {z}/{x}/{y}) of the hexagon heatmap; changes when the filter changes. */
  heatmapTiles: string;
  /** Vector tile URL template of the crash points (clusters further out), for the same filter. */
  pointsTiles: string;
  hotspots: CrashHotspotReply | null;
  clusters: CrashClusterCollection | null;
  sections: readonly RoadSection[];
  layers: CrashLayerVisibility;
  /** Fit the map to this [west, south, east, north] when it changes (the chosen area). */
  fitBounds: CrashMapBounds | null;
  /** A place to fly to (a section chosen in the ranking table); key changes on each request. */
  focus: { lon: number; lat: number; key: number } | null;
  drawnPolygon: DrawnPolygon | null;
  /** While true, clicks add corners of a polygon instead of opening popups. */
  drawing: boolean;
  onPolygonDrawn: (polygon: DrawnPolygon) => void;
  onDrawingCancelled: () => void;
  /** For the printed report: a still map whose canvas keeps its pixels, so printing and snapshots capture it. */
  printable?: boolean;
}

const FIT_PADDING = 40;
/** Close enough to see the section's road and its neighbours. */
const FOCUS_MIN_ZOOM = 14;

export function CrashAnalysisMap({
  config,
  heatmapTiles,
  pointsTiles,
  hotspots,
  clusters,
  sections,
  layers,
  fitBounds,
  focus,
  drawnPolygon,
  drawing,
  onPolygonDrawn,
  onDrawingCancelled,
  printable = false,
}: CrashAnalysisMapProps) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [basemapFailed, setBasemapFailed] = useState(false);
  const popupsRef = useRef<CrashPopups | null>(null);
  // Read when the map is made or clicked, outside React's render: always the latest values.
  const startRef = useRef({ heatmapTiles, pointsTiles, layers, fitBounds });
  startRef.current = { heatmapTiles, pointsTiles, layers, fitBounds };
  const drawingRef = useRef(drawing);
  drawingRef.current = drawing;
  const popupText: PopupText = {
    t,
    formatNumber: (value) => formatNumber(value, currentLanguage()),
    formatWhen: (occurred, year) => {
      const language = currentLanguage();
      // The tile gives Bangkok wall-clock time; a crash known only by its year shows the year (Buddhist Era in Thai).
      if (occurred) return formatDateTime(`${occurred}:00+07:00`, language);
      if (year === null) return '—';
      return String(language === 'th' ? year + 543 : year);
    },
  };
  const popupTextRef = useRef(popupText);
  popupTextRef.current = popupText;
  /** The bounds last fitted, as text: the page may pass an equal new array on every render. */
  const fittedRef = useRef<string | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const abort = new AbortController();
    const basemapLoad = loadBasemap(abort.signal);
    const start = startRef.current;
    const instance = createMap(container, config, {
      ...(start.fitBounds
        ? { bounds: start.fitBounds, fitBoundsOptions: { padding: FIT_PADDING } }
        : { center: config.center, zoom: config.zoom }),
      ...(printable ? { interactive: false, canvasContextAttributes: { preserveDrawingBuffer: true } } : {}),
    });
    fittedRef.current = start.fitBounds?.join(',') ?? null;
    const stopNumberIcons = provideNumberIcons(instance);
    exposeMap(instance, false);

    instance.once('load', () => {
      void basemapLoad.then(({ data, failed }) => {
        if (abort.signal.aborted) return;
        addBasemapLayers(instance, data);
        addCrashLayers(instance, {
          heatmap: startRef.current.heatmapTiles,
          points: startRef.current.pointsTiles,
        });
        applyCrashLayerVisibility(instance, startRef.current.layers);
        popupsRef.current = installCrashPopups(instance, {
          text: () => popupTextRef.current,
          isDrawing: () => drawingRef.current,
        });
        setBasemapFailed(failed);
        setMap(instance);
        exposeMap(instance, true);
      });
    });

    return () => {
      abort.abort();
      popupsRef.current?.dispose();
      popupsRef.current = null;
      stopNumberIcons();
      clearExposedMap(instance);
      instance.remove();
      setMap(null);
    };
  }, [config, printable]);

  useEffect(() => {
    if (map) setHeatmapTiles(map, heatmapTiles);
  }, [map, heatmapTiles]);

  useEffect(() => {
    if (map) setPointsTiles(map, pointsTiles);
  }, [map, pointsTiles]);

  useEffect(() => {
    if (map) setHotspots(map, hotspots);
  }, [map, hotspots]);

  useEffect(() => {
    if (map) setClusters(map, clusters);
  }, [map, clusters]);

  useEffect(() => {
    if (map) setSections(map, sections);
  }, [map, sections]);

  useEffect(() => {
    if (map) setDrawnPolygon(map, drawnPolygon);
  }, [map, drawnPolygon]);

  const {
    heatmap: showHeatmap,
    points: showPoints,
    hotspots: showHotspots,
    clusters: showClusters,
    sections: showSections,
  } = layers;
  useEffect(() => {
    if (!map) return;
    applyCrashLayerVisibility(map, {
      heatmap: showHeatmap,
      points: showPoints,
      hotspots: showHotspots,
      clusters: showClusters,
      sections: showSections,
    });
  }, [map, showHeatmap, showPoints, showHotspots, showClusters, showSections]);

  const fitKey = fitBounds?.join(',') ?? null;
  useEffect(() => {
    const bounds = startRef.current.fitBounds;
    if (!map || !bounds || fitKey === fittedRef.current) return;
    fittedRef.current = fitKey;
    map.fitBounds(bounds, { padding: FIT_PADDING });
  }, [map, fitKey]);

  const focusKey = focus?.key ?? null;
  const focusRef = useRef(focus);
  focusRef.current = focus;
  useEffect(() => {
    const place = focusRef.current;
    if (!map || !place) return;
    map.flyTo({ center: [place.lon, place.lat], zoom: Math.max(map.getZoom(), FOCUS_MIN_ZOOM) });
  }, [map, focusKey]);

  useEffect(() => {
    // A popup left open would sit under the corners being drawn.
    if (drawing) popupsRef.current?.close();
  }, [drawing]);

  const drawingProblem = usePolygonDrawing(map, drawing, { onPolygonDrawn, onDrawingCancelled });

  return (
    <div className="map-view crash-map">
      <div
        ref={containerRef}
        className="map-canvas"
        role="region"
        aria-label={t('analysis-map.label')}
        data-testid="crash-map"
      />
      {basemapFailed && <div className="map-notice">{t('analysis-map.basemapFailed')}</div>}
      {drawing && (
        <div
          className={`crash-map-drawing-hint${drawingProblem ? ' crash-map-drawing-problem' : ''}`}
          role="status"
          data-testid="crash-map-drawing-hint"
        >
          {drawingProblem ? t(`analysis-map.drawing.${drawingProblem}`) : t('analysis-map.drawing.hint')}
        </div>
      )}
      <CrashMapLegend layers={layers} hasDrawnArea={drawnPolygon !== null} />
      <MapAttribution tileAttribution={config.tileAttribution} />
    </div>
  );
}
