// The footage requests list: the review queue for the control room (open requests first, overdue ones flagged), the
// station's own requests for the police (their home page), each with its status, export progress and download; kept
// live from the socket. The status filter lives in the address (#/requests?status=open).
import './requests.css';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@toc/server/schemas';
import { routeHref, useHashQuery } from '../app/hash-router';
import { isStaff } from './request-access';
import { isStatusFilter, orderRequests, type StatusFilter } from './request-queue';
import { RequestRow } from './request-row';
import { StatusFilterSelect } from './status-filter';
import { useRequestList } from './use-request-list';

export default function RequestsPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const staff = isStaff(user);
  const query = useHashQuery();
  const asked = query.get('status');
  const filter: StatusFilter = isStatusFilter(asked) ? asked : 'all';
  const { requests, failed } = useRequestList(filter);
  const ordered = useMemo(() => (requests ? orderRequests(requests, staff) : null), [requests, staff]);
  const setFilter = (next: StatusFilter) => {
    window.location.hash = `${routeHref('requests').slice(1)}${next === 'all' ? '' : `?status=${next}`}`;
  };

  return (
    <main className="card-page requests-page field-boxes" data-testid="requests-page" data-staff={staff}>
      <header className="card-page-header">
        <h2>{staff ? t('requests.queueTitle') : t('requests.stationTitle')}</h2>
        {!staff && user.station && (
          <span className="pill request-chip station" data-testid="requests-station">
            {user.station}
          </span>
        )}
        <a href={routeHref('request-new')} className="button" data-testid="request-new">
          {staff ? t('requests.newWalkIn') : t('requests.new')}
        </a>
        <a href={routeHref('verify')} className="button secondary compact" data-testid="requests-to-verify">
          {t('nav.verify')}
        </a>
        <StatusFilterSelect value={filter} onChange={setFilter} />
        <span className="card-page-zone">{t('requests.timeZone')}</span>
      </header>
      <p className="card-page-intro card-page-note">
        {staff ? t('requests.queueIntro') : t('requests.stationIntro')}
      </p>
      {failed && (
        <p className="card-page-alert" role="alert" data-testid="requests-failed">
          {t('requests.loadFailed')}
        </p>
      )}
      {ordered === null ? (
        !failed && <p className="page-loading">{t('common.loading')}</p>
      ) : ordered.length === 0 ? (
        <p className="page-card panel-note" data-testid="requests-empty">
          {filter === 'all' ? t('requests.empty') : t('requests.emptyFiltered')}
        </p>
      ) : (
        <div className="page-card table-scroll">
          <table className="data-table requests-table" data-testid="requests-table">
            <thead>
              <tr>
                <th>{t('requests.col.reference')}</th>
                <th>{t('requests.field.caseNumber')}</th>
                <th>{t('requests.field.station')}</th>
                <th>{t('requests.col.submitted')}</th>
                <th>{t('requests.col.status')}</th>
                <th>{t('requests.col.package')}</th>
              </tr>
            </thead>
            <tbody>
              {ordered.map((request) => (
                <RequestRow key={request.id} request={request} user={user} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
