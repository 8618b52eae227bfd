// The alarm sound's switch: on or muted, and a hint while the browser still waits for a click to allow sound.
import { useTranslation } from 'react-i18next';
import type { AlarmSoundControl } from './use-alarm-sound';

export function SoundSwitch({ sound }: { sound: AlarmSoundControl }) {
  const { t } = useTranslation();
  const label = sound.muted ? t('alarms.soundMuted') : sound.blocked ? t('alarms.soundBlocked') : t('alarms.soundOn');
  return (
    <button
      type="button"
      className={`button ghost sound-switch ${sound.muted ? 'muted' : ''}`}
      aria-pressed={!sound.muted}
      onClick={sound.toggle}
      data-testid="alarm-sound"
      data-muted={sound.muted}
      data-blocked={sound.blocked}
      data-sounding={sound.sounding ?? ''}
      data-played={sound.played}
      title={t('alarms.soundHelp')}
    >
      <BellIcon muted={sound.muted} /> {label}
    </button>
  );
}

/** Drawn, not an emoji: a control-room PC may have no colour-emoji font (it would show a box). */
function BellIcon({ muted }: { muted: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4z" />
      <path d="M10 20a2 2 0 0 0 4 0" />
      {muted && <path d="M3 3l18 18" />}
    </svg>
  );
}
