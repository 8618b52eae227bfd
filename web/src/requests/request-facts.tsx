// What was asked for: the case, the officer, the legal basis and reason, the place and the time window, who filed or
// entered it, the scanned paper form of a walk-in, and the decision with its note.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FootageRequest } from '@toc/server/schemas';
import { requestFormUrl } from '../api/footage-requests.api';
import { formatDateTime, formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="request-fact">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

export function RequestFacts({ request }: { request: FootageRequest }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const time = (iso: string) => formatDateTime(iso, language);
  return (
    <section className="page-card" data-testid="request-facts">
      <h3>{t('requests.detail.facts')}</h3>
      <dl className="request-facts">
        <Fact label={t('requests.field.caseNumber')} testId="request-fact-case-number">
          {request.caseNumber}
        </Fact>
        <Fact label={t('requests.field.station')} testId="request-fact-station">
          {request.station}
        </Fact>
        <Fact label={t('requests.detail.officer')} testId="request-fact-officer">
          {request.officerRank} {request.officerName}
          <div className="panel-note">
            {t('requests.field.officerId')}: {request.officerId} · {t('requests.field.officerPhone')}:{' '}
            {request.officerPhone}
          </div>
        </Fact>
        <Fact label={t('requests.field.legalBasis')} testId="request-fact-legal-basis">
          {request.legalBasis}
        </Fact>
        <Fact label={t('requests.field.reason')} testId="request-fact-reason">
          <span className="request-long-text">{request.reason}</span>
        </Fact>
        <Fact label={t('requests.detail.place')} testId="request-fact-place">
          {request.placeLabel && <div>{request.placeLabel}</div>}
          <div className="panel-note">
            {request.place.lat.toFixed(6)}, {request.place.lon.toFixed(6)} ·{' '}
            {t('requests.detail.radius', { m: formatNumber(request.placeRadiusM, language) })}
          </div>
        </Fact>
        <Fact label={t('requests.detail.window')} testId="request-fact-window">
          {time(request.from)} – {time(request.to)}
        </Fact>
        <Fact label={t('requests.detail.filed')} testId="request-fact-filed">
          {request.kind === 'online'
            ? t('requests.detail.filedOnline', { user: request.requester ?? request.enteredBy })
            : t('requests.detail.enteredBy', { user: request.enteredBy })}
          <div className="panel-note">{time(request.createdAt)}</div>
          {request.kind === 'walk_in' && (
            <div className="panel-note">
              {request.requester
                ? t('requests.detail.requesterAccount', { user: request.requester })
                : t('requests.detail.noRequesterAccount')}
            </div>
          )}
        </Fact>
        {request.kind === 'walk_in' && (
          <Fact label={t('requests.field.formFile')} testId="request-fact-form">
            {request.hasForm ? (
              <a
                href={requestFormUrl(request.id)}
                target="_blank"
                rel="noopener"
                data-testid="request-form-view"
              >
                {t('requests.detail.viewForm')}
              </a>
            ) : (
              <span className="panel-note">{t('requests.detail.noForm')}</span>
            )}
          </Fact>
        )}
        {request.decidedAt && (
          <Fact label={t('requests.detail.decision')} testId="request-fact-decision">
            {t('requests.detail.decidedBy', {
              user: request.decidedBy ?? '—',
              time: time(request.decidedAt),
            })}
            {request.decisionNote && (
              <div className="request-decision-note" data-testid="request-decision-note">
                {request.decisionNote}
              </div>
            )}
            {request.status !== 'rejected' && (
              <div className="panel-note" data-testid="request-hold-expires">
                {request.holdExpiresAt
                  ? t('requests.detail.holdUntil', { time: time(request.holdExpiresAt) })
                  : t('requests.detail.holdUntilClosed')}
              </div>
            )}
          </Fact>
        )}
      </dl>
    </section>
  );
}
