// The request's way so far: submitted → in review → approved/rejected → exporting → ready → downloaded → closed, each
// stage with when it was reached and by whom ("system" for the export job).
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FootageRequest } from '@toc/server/schemas';
import { formatDateTime } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { stepperOf, type StageView } from './request-stepper';

function stageLabel(view: StageView, t: TFunction): string {
  if (view.state === 'failed') return t('requests.status.export_failed');
  if (view.status === 'decision') return t('requests.stage.decision');
  return t(`requests.status.${view.status}`);
}

export function StatusStepper({ request }: { request: FootageRequest }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const views = stepperOf(request.status, request.steps);
  return (
    <ol className="request-stepper" data-testid="request-stepper" aria-label={t('requests.stepper')}>
      {views.map((view) => (
        <li
          key={view.stage}
          className={`request-stage ${view.state} status-${view.status}`}
          data-testid="request-step"
          data-stage={view.stage}
          data-state={view.state}
          aria-current={view.state === 'current' || view.state === 'failed' ? 'step' : undefined}
        >
          <span className="request-stage-dot" aria-hidden="true" />
          <span className="request-stage-name">{stageLabel(view, t)}</span>
          {view.step ? (
            <>
              <span className="request-stage-time">{formatDateTime(view.step.at, language)}</span>
              <span className="request-stage-by">{view.step.by ?? t('requests.system')}</span>
            </>
          ) : (
            view.state === 'skipped' && (
              <span className="request-stage-time">{t('requests.stage.skipped')}</span>
            )
          )}
        </li>
      ))}
    </ol>
  );
}
