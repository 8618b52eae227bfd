// Filters of the alarm feed (type, minimum severity, status, district) and the count of alarms nobody has acknowledged.
import { useTranslation } from 'react-i18next';
import { EVENT_STATUSES, EVENT_TYPES, SEVERITIES, type EventStatus, type EventType, type Severity } from '@toc/server/schemas';
import type { AlarmFilter } from '../format/alarm-filter';
import type { District } from '../format/district-index';
import { eventStatusKey, eventTypeKey, severityKey } from '../format/labels';
import { formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';

interface AlarmFiltersProps {
  filter: AlarmFilter;
  unacknowledged: number;
  /** Of those, the critical ones: pinned at the top of the list and counted apart. */
  unacknowledgedCritical: number;
  districts: readonly District[];
  onChange: (filter: AlarmFilter) => void;
}

const ACTIVE: readonly EventStatus[] = ['open', 'acknowledged'];

export function AlarmFilters({ filter, unacknowledged, unacknowledgedCritical, districts, onChange }: AlarmFiltersProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const statusValue = filter.statuses.length === 0 ? 'all' : filter.statuses.length === 2 ? 'active' : filter.statuses[0]!;
  return (
    <div className="alarm-filters">
      <span className="unacknowledged" data-testid="unacknowledged-count" data-count={unacknowledged}>
        {t('alarms.unacknowledged', { n: formatNumber(unacknowledged, language) })}
      </span>
      {unacknowledgedCritical > 0 && (
        <span className="severity-tag severity-critical" data-testid="unacknowledged-critical-count" data-count={unacknowledgedCritical}>
          {t('alarms.unacknowledgedCritical', { n: formatNumber(unacknowledgedCritical, language) })}
        </span>
      )}
      <label>
        {t('alarms.type')}
        <select
          value={filter.types[0] ?? 'all'}
          onChange={(e) => onChange({ ...filter, types: e.target.value === 'all' ? [] : [e.target.value as EventType] })}
          data-testid="alarm-filter-type"
        >
          <option value="all">{t('alarms.allTypes')}</option>
          {EVENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(eventTypeKey(type))}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('alarms.minSeverity')}
        <select value={filter.minSeverity} onChange={(e) => onChange({ ...filter, minSeverity: e.target.value as Severity })} data-testid="alarm-filter-severity">
          {SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {t(severityKey(severity))}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('alarms.status')}
        <select
          value={statusValue}
          onChange={(e) => {
            const value = e.target.value;
            onChange({ ...filter, statuses: value === 'all' ? [] : value === 'active' ? ACTIVE : [value as EventStatus] });
          }}
          data-testid="alarm-filter-status"
        >
          <option value="active">{t('alarms.active')}</option>
          <option value="all">{t('alarms.allStatuses')}</option>
          {EVENT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(eventStatusKey(status))}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('alarms.district')}
        <select
          value={filter.district ?? 'all'}
          onChange={(e) => onChange({ ...filter, district: e.target.value === 'all' ? null : e.target.value })}
          data-testid="alarm-filter-district"
        >
          <option value="all">{t('alarms.allDistricts')}</option>
          {districts.map((district) => (
            <option key={district.code} value={district.code}>
              {language === 'th' ? district.nameTh : district.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
