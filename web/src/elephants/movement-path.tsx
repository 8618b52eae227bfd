// A herd's movement path: where it is heading, its sightings in order, when each was seen, where, and how far it moved between them.
import { useTranslation } from 'react-i18next';
import type { Camera } from '@toc/server/schemas';
import { formatDateTime, formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import type { PathSummary } from './elephant-situation';
import { kmText, sightingSource } from './elephant-labels';
import { HerdHeading } from './herd-heading';

export function MovementPath({ path, cameras }: { path: PathSummary | null; cameras: ReadonlyMap<number, Camera> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="elephant-subsection" data-testid="movement-path" data-path-id={path?.pathId}>
      <h3 className="detail-subtitle">{t('elephants.path.title')}</h3>
      {!path ? (
        <p className="panel-note">{t('elephants.path.none')}</p>
      ) : (
        <>
          <p className="panel-note" data-testid="path-summary">
            {/* One sighting has moved nowhere yet: no "0.0 km moved". */}
            {path.steps.length === 1
              ? t('elephants.path.summaryOne', { since: formatDateTime(path.startedAt, language) })
              : t('elephants.path.summary', {
                  n: formatNumber(path.steps.length, language),
                  since: formatDateTime(path.startedAt, language),
                  km: kmText(path.totalM),
                })}
          </p>
          <HerdHeading path={path} />
          <table className="elephant-table">
            <thead>
              <tr>
                <th scope="col">{t('elephants.path.when')}</th>
                <th scope="col">{t('elephants.path.where')}</th>
                <th scope="col" className="numeric">
                  {t('elephants.path.moved')}
                </th>
              </tr>
            </thead>
            <tbody>
              {path.steps.map((step, i) => {
                const source = step.sighting ? sightingSource(step.sighting, cameras, language) : null;
                return (
                  <tr key={step.sightingId} data-testid="path-step" data-sighting-id={step.sightingId} data-moved-m={step.movedM ?? undefined}>
                    <td>{step.lastSeen ? formatDateTime(step.lastSeen, language) : '—'}</td>
                    <td>{source ? t(source.key, { name: source.name }) : t('elephants.path.notLoaded', { id: step.sightingId })}</td>
                    <td className="numeric">
                      {i === 0 ? t('elephants.path.start') : step.movedM === null ? '—' : t('elephants.km', { km: kmText(step.movedM) })}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
