// A picked camera's footage to export: from and to in Bangkok time (whatever the browser's zone), kept inside the
// request window, each read back in words (Buddhist-Era years in Thai).
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { fromBangkokLocal } from './bangkok-local';
import type { Trim } from './pick-draft';

interface TrimControlsProps {
  trim: Trim;
  /** The request window as input bounds. */
  bounds: Trim;
  onChange: (part: Partial<Trim>) => void;
}

export function TrimControls({ trim, bounds, onChange }: TrimControlsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const field = (end: 'from' | 'to') => {
    const instant = fromBangkokLocal(trim[end]);
    return (
      <label className="finder-trim-field">
        <span>{t(end === 'from' ? 'finder.trim.from' : 'finder.trim.to')}</span>
        <input
          type="datetime-local"
          step={1}
          min={bounds.from}
          max={bounds.to}
          value={trim[end]}
          onChange={(e) => onChange({ [end]: e.target.value })}
          data-testid={`finder-trim-${end}`}
        />
        <span className="finder-trim-words">
          {instant === null ? '' : formatDateTime(new Date(instant), language)}
        </span>
      </label>
    );
  };
  const whole = trim.from === bounds.from && trim.to === bounds.to;
  return (
    <fieldset className="finder-trim" data-testid="finder-trim">
      <legend>{t('finder.trim')}</legend>
      {field('from')}
      {field('to')}
      <button
        type="button"
        className="button secondary compact"
        disabled={whole}
        onClick={() => onChange(bounds)}
        data-testid="finder-trim-whole"
      >
        {t('finder.trim.whole')}
      </button>
      <span className="panel-note">{t('finder.trim.note')}</span>
    </fieldset>
  );
}
