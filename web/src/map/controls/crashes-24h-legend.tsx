// The live crash layer's part of the map legend: the same colours and rings as the layer draws.
import { useTranslation } from 'react-i18next';
import { CRASH_SEVERITY_CLASSES } from '@toc/server/schemas';
import { CRASH_CLASS_COLORS } from '../layers/crashes-24h.layer';
import { SEVERITY_COLORS } from '../palette';

export function Crashes24hLegend() {
  const { t } = useTranslation();
  return (
    <section data-testid="crashes-24h-legend">
      <h3>{t('mapLayers.group.crashes24h')}</h3>
      <ul>
        {CRASH_SEVERITY_CLASSES.map((severity) => (
          <li key={severity}>
            <span
              className="legend-swatch legend-disc"
              style={{ background: CRASH_CLASS_COLORS[severity] }}
              aria-hidden="true"
            />
            {t(`crashesLive.class.${severity}`)}
          </li>
        ))}
        <li>
          <span
            className="legend-swatch legend-disc"
            style={{ background: SEVERITY_COLORS.high, border: '2px solid #ffffff', opacity: 0.75 }}
            aria-hidden="true"
          />
          {t('crashesLive.incident')}
        </li>
      </ul>
    </section>
  );
}
