// The Bangkok wall-clock time of the frame on screen, drawn over the picture (never burned into it); `data-at` holds
// the exact instant for tests and tools.
import { formatDateTime } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { useStore } from '../state/observable-store';
import type { WallClockStore } from './player-state';

export function PlaybackClock({ clock, main }: { clock: WallClockStore; main: boolean }) {
  const language = useLanguage();
  const at = useStore(clock);
  if (at === null) return null;
  const iso = new Date(at).toISOString();
  return (
    <time
      className={main ? 'playback-clock' : 'playback-clock beside'}
      dateTime={iso}
      data-testid={main ? 'playback-clock' : 'playback-clock-beside'}
      data-at={iso}
    >
      {formatDateTime(iso, language)}
    </time>
  );
}
