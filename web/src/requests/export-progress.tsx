// How far the export of an approved request has got: a bar with the percentage (the socket moves it).
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';

export function ExportProgress({ progress }: { progress: number | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const fraction = Math.min(1, Math.max(0, progress ?? 0));
  const percent = Math.floor(fraction * 100);
  const label = t('requests.exportProgress', { percent: formatNumber(percent, language) });
  return (
    <div
      className="export-progress"
      role="progressbar"
      aria-label={t('requests.exporting')}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={label}
      data-testid="export-progress"
      data-progress={fraction}
    >
      <div className="export-progress-bar">
        <div className="export-progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="export-progress-text">{label}</span>
    </div>
  );
}
