// Which requests the list shows: all, those waiting for a decision, or one status.
import { useTranslation } from 'react-i18next';
import { isStatusFilter, STATUS_FILTERS, type StatusFilter } from './request-queue';

export function StatusFilterSelect({
  value,
  onChange,
}: {
  value: StatusFilter;
  onChange: (filter: StatusFilter) => void;
}) {
  const { t } = useTranslation();
  return (
    <label className="request-filter">
      {t('requests.filter')}
      <select
        value={value}
        onChange={(e) => isStatusFilter(e.target.value) && onChange(e.target.value)}
        data-testid="request-filter"
      >
        {STATUS_FILTERS.map((filter) => (
          <option key={filter} value={filter}>
            {filter === 'all' || filter === 'open'
              ? t(`requests.filter.${filter}`)
              : t(`requests.status.${filter}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
