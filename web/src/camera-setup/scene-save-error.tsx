// Why the server refused to save the zones and lines, each reason naming the zone or line it is about.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';
import { validationText } from '../api/validation-text';
import type { Language } from '../i18n/i18n';
import { localName, splitServerReasons, type SceneDraft, type ServerReason } from './scene-draft';

/** A schema refusal about one zone or line, said in the UI language and pointed at that zone or line (named below). */
function schemaReason(error: ApiError, t: TFunction, language: Language): ServerReason[] | null {
  const validation = error.validation;
  if (!validation) return null;
  const [group, index, ...rest] = validation.path;
  if ((group !== 'zones' && group !== 'lines') || index === undefined || !/^\d+$/.test(index)) return null;
  return [{ target: { group, index: Number(index) }, text: validationText({ ...validation, path: rest }, t, language) }];
}

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
  const reasons = schemaReason(error, t, language) ?? splitServerReasons(error.localizedMessage(language));
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
