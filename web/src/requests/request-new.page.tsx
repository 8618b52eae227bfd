// The new-request page: police file online for their station; control-room staff enter a request brought on paper.
import './requests.css';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@toc/server/schemas';
import { routeHref } from '../app/hash-router';
import { isStaff } from './request-access';
import { RequestForm } from './request-form';

export default function RequestNewPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const walkIn = isStaff(user);
  return (
    <main className="card-page requests-page field-boxes" data-testid="request-new-page">
      <header className="card-page-header">
        <a href={routeHref('requests')} className="button ghost compact" data-testid="request-back">
          {t('requests.back')}
        </a>
        <h2>{walkIn ? t('requests.newWalkInTitle') : t('requests.newTitle')}</h2>
      </header>
      <p className="card-page-intro card-page-note">
        {walkIn ? t('requests.newWalkInIntro') : t('requests.newIntro')}
      </p>
      {!walkIn && user.station === null && (
        <p className="card-page-alert" role="alert" data-testid="request-no-station">
          {t('requests.noStation')}
        </p>
      )}
      <RequestForm user={user} walkIn={walkIn} />
    </main>
  );
}
