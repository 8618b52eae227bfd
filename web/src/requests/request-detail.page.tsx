// One footage request: its heading and stepper, what was asked, the finder (cameras that could have seen the place,
// picked here while the request waits), the cameras chosen, the control room's and the admin's steps, and the evidence
// package with its download. Kept live from the socket; every action's reply replaces what is shown.
import './requests.css';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@toc/server/schemas';
import { FinderPanel } from '../footage-finder/finder-panel';
import { useLanguage } from '../i18n/use-language';
import { failureText } from '../account/api-failure';
import { AttachForm } from './attach-form';
import { ChosenCameras } from './chosen-cameras';
import { CloseCase } from './close-case';
import { PackageCard } from './package-card';
import { requestAccess } from './request-access';
import { RequestFacts } from './request-facts';
import { RequestHeading } from './request-heading';
import { ReviewActions } from './review-actions';
import { StatusStepper } from './status-stepper';
import { useFootageRequest } from './use-footage-request';

export default function RequestDetailPage({ id, user }: { id: number; user: SessionUser }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { request, failure, replace } = useFootageRequest(id);

  if (!request) {
    return (
      <main className="card-page requests-page field-boxes" data-testid="request-page" data-request-id={id}>
        {failure ? (
          <p className="card-page-alert" role="alert" data-testid="request-load-error">
            {failureText(failure, t, language)}
          </p>
        ) : (
          <p className="page-loading">{t('common.loading')}</p>
        )}
      </main>
    );
  }

  const access = requestAccess(user, request);
  return (
    <main
      className="card-page requests-page field-boxes"
      data-testid="request-page"
      data-request-id={id}
      data-status={request.status}
    >
      <RequestHeading request={request} />
      {failure && (
        <p className="card-page-alert" role="alert" data-testid="request-refresh-error">
          {t('requests.refreshFailed')}
        </p>
      )}
      <StatusStepper request={request} />
      <div className="request-detail">
        <div className="request-detail-side">
          <PackageCard request={request} access={access} />
          <ReviewActions request={request} access={access} onChanged={replace} />
          <RequestFacts request={request} />
          {access.attachForm && <AttachForm request={request} onChanged={replace} />}
          <ChosenCameras request={request} />
          {access.close && <CloseCase request={request} onChanged={replace} />}
        </div>
        <div className="request-detail-finder" data-testid="request-finder">
          <FinderPanel requestId={request.id} request={request} canPick={access.pick} onPicked={replace} />
        </div>
      </div>
    </main>
  );
}
