// A camera's recorded footage over the request window: recorded spans, gaps coloured by cause and titled with their
// reason, the instant its still shows; a click picks the instant to see.
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FootageCoverage } from '@toc/server/schemas';
import { formatListTime, formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { coverageLayout, instantAt, placeInWindow, type Window } from './coverage-layout';

interface CoverageBarProps {
  coverage: FootageCoverage;
  window: Window;
  /** The instant the still shows, marked on the bar. */
  at: number;
  onPick: (at: number) => void;
}

export function CoverageBar({ coverage, window, at, onPick }: CoverageBarProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const time = (ms: number) => formatListTime(new Date(ms), language, new Date(window.from));
  const pieces = coverageLayout(coverage, window);
  const marker = placeInWindow(window, at, at + 1);

  const pick = (e: MouseEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    if (box.width > 0) onPick(instantAt(window, (e.clientX - box.left) / box.width));
  };

  return (
    <div className="finder-coverage-block">
      <div
        className="finder-coverage"
        onClick={pick}
        title={t('finder.coverage.label')}
        aria-label={t('finder.coverage.label')}
        data-testid="finder-coverage"
        data-fraction={coverage.fraction}
      >
        {pieces.map((piece) =>
          piece.kind === 'span' ? (
            <span
              key={`s${piece.from}`}
              className="finder-coverage-span"
              style={{ left: `${piece.left}%`, width: `${piece.width}%` }}
              title={t('finder.coverage.span', { from: time(piece.from), to: time(piece.to) })}
              data-testid="finder-coverage-span"
            />
          ) : (
            <span
              key={`g${piece.from}`}
              className={`finder-coverage-gap gap-${piece.gap.reason}`}
              style={{ left: `${piece.left}%`, width: `${piece.width}%` }}
              title={t('finder.coverage.gap', {
                from: time(piece.from),
                to: time(piece.to),
                reason: language === 'th' ? piece.gap.textTh : piece.gap.text,
              })}
              data-testid="finder-coverage-gap"
              data-reason={piece.gap.reason}
            />
          ),
        )}
        {marker && <span className="finder-coverage-at" style={{ left: `${marker.left}%` }} />}
      </div>
      <span className="finder-coverage-text">
        {t('finder.coverage.percent', {
          percent: formatNumber(Math.round(coverage.fraction * 100), language),
        })}
      </span>
    </div>
  );
}
