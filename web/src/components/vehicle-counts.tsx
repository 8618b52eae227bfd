// Compact vehicle-count summary of a traffic.vehicles event (nothing for other types).
import { useTranslation } from 'react-i18next';
import type { Event } from '@toc/server/schemas';
import { formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { vehicleClassKey } from '../format/labels';
import { vehicleSummary } from '../format/vehicle-summary';

export function VehicleCounts({ event }: { event: Event }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const summary = vehicleSummary(event);
  if (!summary) return null;
  if (summary.total === 0) return <div className="vehicle-counts empty">{t('events.vehicles.none')}</div>;
  return (
    <div className="vehicle-counts" data-testid="vehicle-counts">
      <strong>{t('events.vehicles.total', { total: formatNumber(summary.total, language) })}</strong>
      {summary.classes.map(({ cls, count }) => {
        const key = vehicleClassKey(cls);
        return (
          <span key={cls} className="vehicle-class" data-class={cls}>
            {key ? t(key) : cls} {formatNumber(count, language)}
          </span>
        );
      })}
    </div>
  );
}
