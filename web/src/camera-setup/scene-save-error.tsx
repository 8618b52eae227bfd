// Why the server refused to save the zones and lines, each reason naming the zone or line it is about.
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';
import type { Language } from '../i18n/i18n';
import { localName, splitServerReasons, type SceneDraft } from './scene-draft';

/** The server's refusal in the chosen language; each reason names the zone or line it is about. Nothing was saved. */
export function SaveError({ error, draft, language }: { error: unknown; draft: SceneDraft; language: Language }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError)) {
    return (
      <div className="setup-error" role="alert" data-testid="scene-error">
        {t('setup.networkError')}
      </div>
    );
  }
  const reasons = splitServerReasons(error.localizedMessage(language));
  const itemName = (target: NonNullable<(typeof reasons)[number]['target']>) => {
    const item = target.group === 'zones' ? draft.zones[target.index] : draft.lines[target.index];
    const fallback = t(target.group === 'zones' ? 'setup.zone.numbered' : 'setup.line.numbered', { n: target.index + 1 });
    return (item && localName(item, language)) || fallback;
  };
  return (
    <div className="setup-error" role="alert" data-testid="scene-error" data-status={error.status}>
      <strong>{t('setup.scene.refused')}</strong>
      <ul>
        {reasons.map((reason, i) => (
          <li key={i}>{reason.target ? `${itemName(reason.target)}: ${reason.text}` : reason.text}</li>
        ))}
      </ul>
    </div>
  );
}
