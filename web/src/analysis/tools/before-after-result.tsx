// A before/after study's answer: the two periods, the counts, θ with its interval and p-value, the verdict as a
// coloured badge, and every warning (regression to the mean always among them).
import { useTranslation } from 'react-i18next';
import type { BeforeAfterReply } from '@toc/server/schemas';
import { formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { formatFixed, formatPValue } from './numbers';
import { formatPeriod } from './period-dates';
import './tools.css';

type Conclusion = BeforeAfterReply['verdict']['conclusion'];

/** Badge colour of each verdict: green fewer, red more, grey no change, amber too few. */
const TONES: Record<Conclusion, string> = {
  fewer: 'ok',
  more: 'danger',
  no_significant_change: 'neutral',
  too_few: 'warn',
};

export function BeforeAfterResult({ reply }: { reply: BeforeAfterReply }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const none = t('analysis-tools.none');
  const count = (n: number) => formatNumber(n, language);
  const fixed = (n: number | null, digits: number) => (n === null ? none : formatFixed(n, digits, language));
  const { periods, site, comparison, verdict } = reply;
  const rows = [
    {
      key: 'site',
      label: t('analysis-tools.beforeAfter.row.site'),
      before: site.before,
      after: site.after,
      ratio: verdict.siteRatio,
    },
    {
      key: 'deaths',
      label: t('analysis-tools.beforeAfter.row.deaths'),
      before: site.deathsBefore,
      after: site.deathsAfter,
      ratio: null,
    },
    {
      key: 'comparison',
      label: comparison.area
        ? t('analysis-tools.beforeAfter.row.comparison', { area: comparison.area })
        : t('analysis-tools.beforeAfter.row.comparisonAll'),
      before: comparison.before,
      after: comparison.after,
      ratio: verdict.comparisonRatio,
    },
  ];

  return (
    <div className="tools-result" data-testid="before-after-result">
      <p
        className={`tools-verdict ${TONES[verdict.conclusion]}`}
        data-testid="before-after-conclusion"
        data-conclusion={verdict.conclusion}
      >
        <span className={`tools-badge ${TONES[verdict.conclusion]}`}>
          {t(`analysis-tools.beforeAfter.conclusion.${verdict.conclusion}`)}
        </span>
        <span data-testid="before-after-message">{verdict.message[language]}</span>
      </p>
      <dl className="tools-periods">
        <div>
          <dt>{t('analysis-tools.beforeAfter.before')}</dt>
          <dd data-testid="before-after-period-before">{formatPeriod(periods.before, language)}</dd>
        </div>
        <div>
          <dt>{t('analysis-tools.beforeAfter.after')}</dt>
          <dd data-testid="before-after-period-after">{formatPeriod(periods.after, language)}</dd>
        </div>
      </dl>
      <p className="tools-hint">{t('analysis-tools.beforeAfter.days', { days: count(periods.days) })}</p>
      <div className="tools-table-scroll">
        <table className="tools-table" data-testid="before-after-counts">
          <thead>
            <tr>
              <th className="text" />
              <th>{t('analysis-tools.beforeAfter.before')}</th>
              <th>{t('analysis-tools.beforeAfter.after')}</th>
              <th>{t('analysis-tools.beforeAfter.ratio')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-testid={`before-after-row-${row.key}`}>
                <th className="text" scope="row">
                  {row.label}
                </th>
                <td>{count(row.before)}</td>
                <td>{count(row.after)}</td>
                <td>{fixed(row.ratio, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="tools-stats">
        <div>
          <dt>{t('analysis-tools.beforeAfter.theta')}</dt>
          <dd data-testid="before-after-theta">{fixed(verdict.theta, 3)}</dd>
        </div>
        <div>
          <dt>{t('analysis-tools.beforeAfter.interval')}</dt>
          <dd>
            {verdict.interval
              ? `${fixed(verdict.interval[0] ?? null, 3)} – ${fixed(verdict.interval[1] ?? null, 3)}`
              : none}
          </dd>
        </div>
        <div>
          <dt>{t('analysis-tools.beforeAfter.pValue')}</dt>
          <dd>{verdict.pValue === null ? none : formatPValue(verdict.pValue, language)}</dd>
        </div>
        <div>
          <dt>{t('analysis-tools.beforeAfter.expectedAfter')}</dt>
          <dd>{fixed(verdict.expectedAfter, 1)}</dd>
        </div>
      </dl>
      <p className="tools-hint">{t('analysis-tools.beforeAfter.thetaHint')}</p>
      {reply.yearOnlyAtSite > 0 && (
        <p className="tools-note" data-testid="before-after-year-only">
          {t('analysis-tools.beforeAfter.yearOnly', { n: count(reply.yearOnlyAtSite) })}
        </p>
      )}
      {verdict.warnings.length > 0 && (
        <div className="tools-warnings" data-testid="before-after-warnings">
          <h4>{t('analysis-tools.beforeAfter.warnings')}</h4>
          <ul>
            {verdict.warnings.map((warning) => (
              <li key={warning.en}>{warning[language]}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
