// TH/EN switch shown on every page; the choice is remembered in localStorage.
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage } from '../i18n/i18n';
import { useLanguage } from '../i18n/use-language';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')} data-testid="lang-switch">
      {LANGUAGES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          className={code === language ? 'lang-option active' : 'lang-option'}
          aria-pressed={code === language}
          data-lang={code}
          onClick={() => void setLanguage(code)}
        >
          {t(code === 'th' ? 'lang.th' : 'lang.en')}
        </button>
      ))}
    </div>
  );
}
