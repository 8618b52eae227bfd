// Says why a warning's notification log looks as it does (nobody set up, no LINE token, sending, failed) and, to
// administrators, where recipients are set up.
import { useTranslation } from 'react-i18next';
import type { Event, NotificationLogEntry, Role } from '@toc/server/schemas';
import { formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { warnedPlaces } from './elephant-situation';
import { notifyOutcome } from './notify-outcome';

interface NotifyOutcomeNoteProps {
  warning: Event;
  entries: readonly NotificationLogEntry[];
  role: Role;
  now: number;
}

export function NotifyOutcomeNote({ warning, entries, role, now }: NotifyOutcomeNoteProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const outcome = notifyOutcome(warning, entries, now);
  const n = (value: number) => formatNumber(value, language);
  // The reach names districts in Thai; the warning's places give their English names.
  const districts = (districtsTh: readonly string[]) => {
    if (districtsTh.length === 0) return t('elephants.notify.thesePlaces');
    const english = new Map(warnedPlaces(warning).map((p) => [p.districtTh, p.district]));
    const name = (d: string) => (language === 'th' ? d : (english.get(d) ?? d));
    return districtsTh.map((d) => t('elephants.notify.district', { name: name(d) })).join(', ');
  };

  let text: string | null = null;
  if (outcome.kind === 'nobody') text = t('elephants.notify.nobody', { districts: districts(outcome.districtsTh) });
  else if (outcome.kind === 'noLineToken')
    text = t('elephants.notify.noLineToken', { n: n(outcome.lineWithoutToken), districts: districts(outcome.districtsTh) });
  else if (outcome.kind === 'pending') text = t('elephants.notify.pending', { n: n(outcome.recipients) });
  else if (outcome.kind === 'missing') text = t('elephants.notify.missing', { n: n(outcome.recipients) });
  else if (outcome.kind === 'failed') text = t('elephants.notify.failed', { n: n(outcome.failed) });
  else if (outcome.kind === 'unknown') text = t('elephants.log.empty');
  const skipped = (outcome.kind === 'delivered' || outcome.kind === 'failed') && outcome.lineWithoutToken > 0 ? outcome.lineWithoutToken : 0;
  const nobodyTold = outcome.kind === 'nobody' || outcome.kind === 'noLineToken';
  if (text === null && skipped === 0) return null;

  return (
    <div className={`notify-outcome${nobodyTold ? ' warning' : ''}`} data-testid="notify-outcome" data-kind={outcome.kind}>
      {text && <p className="panel-note">{text}</p>}
      {skipped > 0 && <p className="panel-note">{t('elephants.notify.lineSkipped', { n: n(skipped) })}</p>}
      {role === 'admin' && (nobodyTold || skipped > 0) && (
        <p className="panel-note" data-testid="notify-admin-hint">
          {t('elephants.notify.adminHint')}
        </p>
      )}
    </div>
  );
}
