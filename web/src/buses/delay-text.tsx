// A timetable delay in words: on time, n min late, n min early (rounded to the minute), or a dash when unknown.
import { useTranslation } from 'react-i18next';

export function DelayText({ delayS }: { delayS: number | null }) {
  const { t } = useTranslation();
  if (delayS === null) return <>—</>;
  const minutes = Math.round(Math.abs(delayS) / 60);
  if (minutes === 0) return <>{t('buses.delay.onTime')}</>;
  return <>{t(delayS > 0 ? 'buses.delay.late' : 'buses.delay.early', { n: minutes })}</>;
}
