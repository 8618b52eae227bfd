// What the crash map's colours and circles mean, for the layers that are switched on; drawn from the layers' palette.
import { useTranslation } from 'react-i18next';
import type { CrashLayerVisibility } from './crash-layer-ids';
import {
  CLUSTER_COLORS,
  DRAW_COLORS,
  HEATMAP_CRASH_STOPS,
  HOTSPOT_CLASS_COLORS,
  HOTSPOT_CLASSES,
  SECTION_COLORS,
  POINT_RING,
  SEVERITIES,
  SEVERITY_COLORS,
} from './crash-map-palette';
import { hotspotClassKey } from './popup-content';

interface CrashMapLegendProps {
  layers: CrashLayerVisibility;
  hasDrawnArea: boolean;
}

function Swatch({
  color,
  shape,
  ring,
}: {
  color: string;
  shape: 'area' | 'disc' | 'outline';
  ring?: string;
}) {
  const style =
    shape === 'outline'
      ? { borderColor: color }
      : { background: color, ...(ring ? { borderColor: ring } : {}) };
  return <span className={`crash-legend-swatch crash-legend-${shape}`} style={style} aria-hidden="true" />;
}

export function CrashMapLegend({ layers, hasDrawnArea }: CrashMapLegendProps) {
  const { t } = useTranslation();
  const anything =
    layers.heatmap || layers.points || layers.hotspots || layers.clusters || layers.sections || hasDrawnArea;
  if (!anything) return null;
  return (
    <details className="crash-map-legend" data-testid="crash-map-legend" open>
      <summary>{t('analysis-map.legend')}</summary>
      {layers.heatmap && (
        <section>
          <h3>{t('analysis-map.legend.heatmap')}</h3>
          <ul className="crash-legend-ramp">
            {HEATMAP_CRASH_STOPS.map(([value, color]) => (
              <li key={value}>
                <Swatch color={color} shape="area" />
                {`≥ ${value}`}
              </li>
            ))}
          </ul>
        </section>
      )}
      {layers.points && (
        <section>
          <h3>{t('analysis-map.legend.points')}</h3>
          <ul>
            {SEVERITIES.map((severity) => (
              <li key={severity}>
                <Swatch color={SEVERITY_COLORS[severity]} shape="disc" ring={POINT_RING} />
                {t(`analysis-map.severity.${severity}`)}
              </li>
            ))}
            <li>
              <Swatch color={SEVERITY_COLORS.serious} shape="disc" ring={POINT_RING} />
              {t('analysis-map.legend.pointsCluster')}
            </li>
          </ul>
        </section>
      )}
      {layers.hotspots && (
        <section>
          <h3>{t('analysis-map.legend.hotspots')}</h3>
          <ul>
            {HOTSPOT_CLASSES.map((cls) => (
              <li key={cls}>
                <Swatch
                  color={HOTSPOT_CLASS_COLORS[cls]}
                  shape={cls === 'not_significant' ? 'outline' : 'area'}
                />
                {t(hotspotClassKey(cls))}
              </li>
            ))}
          </ul>
        </section>
      )}
      {layers.clusters && (
        <section>
          <h3>{t('analysis-map.legend.clusters')}</h3>
          <ul>
            <li>
              <Swatch color={CLUSTER_COLORS.fill} shape="disc" ring={CLUSTER_COLORS.ring} />
              {t('analysis-map.legend.cluster')}
            </li>
            <li>
              <span
                className="crash-legend-swatch crash-legend-dashed"
                style={{ borderColor: CLUSTER_COLORS.hull }}
                aria-hidden="true"
              />
              {t('analysis-map.legend.clusterHull')}
            </li>
          </ul>
        </section>
      )}
      {layers.sections && (
        <section>
          <h3>{t('analysis-map.legend.sections')}</h3>
          <ul>
            <li>
              <Swatch color={SECTION_COLORS.section} shape="disc" ring={SECTION_COLORS.sectionRing} />
              {t('analysis-map.legend.section')}
            </li>
            <li>
              <Swatch color={SECTION_COLORS.blackSpot} shape="disc" ring={SECTION_COLORS.blackSpotRing} />
              {t('analysis-map.legend.blackSpot')}
            </li>
          </ul>
        </section>
      )}
      {hasDrawnArea && (
        <section>
          <ul>
            <li>
              <Swatch color={DRAW_COLORS.line} shape="outline" />
              {t('analysis-map.legend.drawn')}
            </li>
          </ul>
        </section>
      )}
    </details>
  );
}
