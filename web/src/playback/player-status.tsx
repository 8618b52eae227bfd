// What a player says over its picture when it shows no footage: loading, nothing recorded then, refused, or failed
// (with the server's reason in the user's language).
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';
import { failureOf, failureText } from '../account/api-failure';
import { useLanguage } from '../i18n/use-language';
import type { PlayerStatus } from './player-state';

export function PlayerStatusNote({ status, main }: { status: PlayerStatus; main: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  switch (status.kind) {
    case 'loading':
      return (
        <p className="playback-status" role="status" data-testid="playback-loading">
          {t('playback.loading')}
        </p>
      );
    case 'no-footage':
      // The main player's notice (with the reason and the way on) is the page's; the others just say so.
      return main ? null : (
        <p className="playback-status" role="status" data-testid="playback-no-footage-beside">
          {t('playback.noFootageHere')}
        </p>
      );
    case 'error': {
      const forbidden = status.error instanceof ApiError && status.error.status === 403;
      const reason = failureText(failureOf(status.error, 'playback.failedUnknown'), t, language);
      return (
        <p
          className="playback-status error"
          role="alert"
          data-testid={forbidden ? 'playback-forbidden' : 'playback-error'}
        >
          {forbidden ? `${t('playback.forbidden')} (${reason})` : t('playback.failed', { reason })}
        </p>
      );
    }
    default:
      return null;
  }
}
