// Texts shared by the crash charts: numbers in the UI language and "12 crashes, 1 death" with the right plural.
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';

export function useChartText() {
  const { t } = useTranslation();
  const language = useLanguage();
  const count = (n: number) => formatNumber(n, language);
  // English needs the singular for one; the Thai strings are the same either way.
  const crashes = (n: number) =>
    t(n === 1 ? 'analysis-charts.crashesOne' : 'analysis-charts.crashesOther', { n: count(n) });
  const deaths = (n: number) =>
    t(n === 1 ? 'analysis-charts.deathsOne' : 'analysis-charts.deathsOther', { n: count(n) });
  const crashesAndDeaths = (c: number, d: number) =>
    t('analysis-charts.countPair', { crashes: crashes(c), deaths: deaths(d) });
  /** "มี.ค. 2555: อุบัติเหตุ 12 ครั้ง เสียชีวิต 1 ราย" / "Mar 2012: 12 crashes, 1 death". */
  const labelled = (label: string, c: number, d: number) =>
    t('analysis-charts.labelled', { label, value: crashesAndDeaths(c, d) });
  return { t, language, count, crashes, deaths, crashesAndDeaths, labelled };
}
