// Saving the picked cameras: how many are picked, whether the picks are saved, the button, and why saving failed
// (the draft's problem or the server's reason) in the current language.
import { useTranslation } from 'react-i18next';
import { failureText } from '../account/api-failure';
import { formatDateTime } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { MAX_PICKED, type PickProblem } from './pick-draft';
import type { Window } from './coverage-layout';
import type { usePicks } from './use-picks';

interface FinderSaveBarProps {
  picking: ReturnType<typeof usePicks>;
  window: Window;
  nameOf: (cameraId: number) => string;
}

export function FinderSaveBar({ picking, window, nameOf }: FinderSaveBarProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { picks, dirty, save } = picking;

  const problemText = (problem: PickProblem): string => {
    switch (problem.kind) {
      case 'none':
        return t('finder.problem.none');
      case 'tooMany':
        return t('finder.problem.tooMany', { max: problem.max });
      case 'incomplete':
        return t('finder.problem.incomplete', { name: nameOf(problem.cameraId) });
      case 'order':
        return t('finder.problem.order', { name: nameOf(problem.cameraId) });
      case 'outside':
        return t('finder.problem.outside', {
          name: nameOf(problem.cameraId),
          from: formatDateTime(new Date(window.from), language),
          to: formatDateTime(new Date(window.to), language),
        });
    }
  };

  return (
    <div className="finder-save-bar" data-testid="finder-save-bar">
      <span className="finder-picked-count" data-testid="finder-picked-count" data-count={picks.size}>
        {t('finder.picked', { n: picks.size, max: MAX_PICKED })}
      </span>
      {dirty && <span className="finder-unsaved">{t('finder.unsaved')}</span>}
      <button
        type="button"
        className="button"
        disabled={save.kind === 'saving' || picks.size === 0}
        onClick={() => void picking.submit()}
        data-testid="finder-save"
      >
        {save.kind === 'saving' ? t('finder.saving') : t('finder.save')}
      </button>
      {save.kind === 'saved' && !dirty && (
        <span className="panel-note" role="status" data-testid="finder-saved">
          {t('finder.saved')}
        </span>
      )}
      {(save.kind === 'problem' || save.kind === 'failed') && (
        <p className="panel-note error" role="alert" data-testid="finder-save-error">
          {save.kind === 'problem'
            ? problemText(save.problem)
            : t('finder.saveFailed', { reason: failureText(save.failure, t, language) })}
        </p>
      )}
    </div>
  );
}
