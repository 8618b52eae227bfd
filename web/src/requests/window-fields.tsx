// When it happened: the start and end of the footage asked for, typed in Bangkok time whatever the computer's zone,
// and read back in the app's own format.
import { MAX_REQUEST_WINDOW_H } from '@toc/server/schemas';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { bangkokLocalToIso, isoToBangkokLocal } from './bangkok-datetime';
import type { DraftSectionProps } from './draft-props';
import { FormField } from './form-field';

export function WindowFields({ draft, set, problems, now }: DraftSectionProps & { now: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const max = isoToBangkokLocal(now);
  /** The time as the rest of the app writes it (Buddhist-Era year in Thai): the browser's picker has its own format. */
  const readBack = (value: string) => {
    const iso = bangkokLocalToIso(value);
    return iso ? `${t('requests.timeZone')} · ${formatDateTime(iso, language)}` : t('requests.timeZone');
  };
  return (
    <fieldset className="panel-surface request-section">
      <legend>{t('requests.form.window')}</legend>
      <p className="panel-note">{t('requests.window.intro', { hours: MAX_REQUEST_WINDOW_H })}</p>
      <div className="request-grid">
        {(['from', 'to'] as const).map((end) => (
          <FormField
            key={end}
            label={t(`requests.field.${end}`)}
            testId={`request-form-${end}`}
            problem={problems[end]}
            hint={readBack(draft[end])}
          >
            {(a11y) => (
              <input
                type="datetime-local"
                step={60}
                max={max}
                value={draft[end]}
                onChange={(e) => set({ [end]: e.target.value })}
                data-testid={`request-form-${end}`}
                {...a11y}
              />
            )}
          </FormField>
        ))}
      </div>
    </fieldset>
  );
}
