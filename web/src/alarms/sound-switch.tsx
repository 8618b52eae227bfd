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
      {sound.muted ? '🔕' : '🔔'} {label}
    </button>
  );
}
