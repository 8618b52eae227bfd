// "Download still": the recorded frame at the instant on screen, from the server (audited there), saved as a JPEG.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failureOf, failureText } from '../account/api-failure';
import { fetchStill } from '../api/recordings.api';
import { useLanguage } from '../i18n/use-language';
import { useStore } from '../state/observable-store';
import { PlayerStateStore } from './player-state';
import type { RecordedPlayback } from './recorded-playback';
import { saveBlob, stillFileName } from './still-file';

const IDLE = new PlayerStateStore();

/** Offered while the player shows footage: the instant on screen is then one that was recorded. */
export function StillButton({
  player,
  compact = false,
}: {
  player: RecordedPlayback | null;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const ready = useStore(player?.state ?? IDLE).status.kind === 'ready';
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const download = async () => {
    const at = player?.clock.get();
    if (!player || at === null || at === undefined) return;
    setPending(true);
    setError(null);
    try {
      saveBlob(await fetchStill(player.cameraId, at), stillFileName(player.cameraId, at));
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };

  return (
    <span className="still-button">
      <button
        type="button"
        className={compact ? 'button secondary compact' : 'button secondary'}
        disabled={!player || !ready || pending}
        onClick={() => void download()}
        title={t('playback.still')}
        data-testid={compact ? 'playback-still-beside' : 'playback-still'}
      >
        {compact ? t('playback.stillShort') : t('playback.still')}
      </button>
      {error !== null && (
        <span className="playback-inline-error" role="alert" data-testid="playback-still-error">
          {t('playback.stillFailed', {
            reason: failureText(failureOf(error, 'playback.failedUnknown'), t, language),
          })}
        </span>
      )}
    </span>
  );
}
