// The wall's top bar: which wall, the group on screen with pause/next and its period, sound, full screen, edit.
import { useTranslation } from 'react-i18next';
import type { Wall } from '@toc/server/schemas';
import { formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import type { AlertSoundControl } from './use-alert-sound';
import type { WallCycle } from './use-wall-cycle';

interface WallToolbarProps {
  walls: readonly Wall[];
  wall: Wall;
  cycle: WallCycle;
  sound: AlertSoundControl;
  fullscreen: { supported: boolean; active: boolean; toggle: () => void };
  onChoose: (id: number) => void;
  /** Null when the user may not change the layout. */
  onEdit: (() => void) | null;
}

export function WallToolbar({ walls, wall, cycle, sound, fullscreen, onChoose, onEdit }: WallToolbarProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const group = wall.groups[cycle.index];
  const soundLabel = !sound.enabled ? t('wall.soundOff') : sound.blocked ? t('wall.soundBlocked') : t('wall.soundOn');

  return (
    <div className="wall-toolbar">
      <select className="wall-choose" value={wall.id} onChange={(e) => onChoose(Number(e.target.value))} data-testid="wall-select" aria-label={t('wall.choose')}>
        {walls.map((w) => (
          <option key={w.id} value={w.id}>
            {language === 'th' ? w.nameTh : w.name}
          </option>
        ))}
      </select>
      <div className="wall-group" data-testid="wall-group" data-index={cycle.index}>
        <span className="wall-group-name" data-testid="wall-group-name">
          {group ? (language === 'th' ? group.nameTh : group.name) : ''}
        </span>
        {wall.groups.length > 1 && (
          <span className="wall-group-count">
            {formatNumber(cycle.index + 1, language)} / {formatNumber(wall.groups.length, language)}
          </span>
        )}
        {cycle.cycling && (
          <span className="wall-cycle-bar" aria-hidden="true">
            <span
              key={cycle.round}
              className="wall-cycle-progress"
              style={{ animationDuration: `${wall.cycleSeconds}s`, animationPlayState: cycle.paused ? 'paused' : 'running' }}
            />
          </span>
        )}
      </div>
      {cycle.cycling && (
        <>
          <button type="button" className="button secondary" onClick={cycle.togglePause} aria-pressed={cycle.paused} data-testid="wall-pause">
            {cycle.paused ? t('wall.resume') : t('wall.pause')}
          </button>
          <button type="button" className="button secondary" onClick={cycle.next} data-testid="wall-next">
            {t('wall.next')}
          </button>
        </>
      )}
      <div className="wall-toolbar-spacer" />
      <button
        type="button"
        className={`button secondary wall-sound ${sound.enabled ? 'on' : ''}`}
        onClick={sound.toggle}
        aria-pressed={sound.enabled}
        data-testid="wall-sound"
        data-enabled={sound.enabled}
        data-blocked={sound.blocked}
        data-played={sound.played}
      >
        {soundLabel}
      </button>
      {fullscreen.supported && (
        <button type="button" className="button secondary" onClick={fullscreen.toggle} data-testid="wall-fullscreen">
          {fullscreen.active ? t('wall.exitFullscreen') : t('wall.fullscreen')}
        </button>
      )}
      {onEdit && (
        <button type="button" className="button" onClick={onEdit} data-testid="wall-edit">
          {t('wall.edit')}
        </button>
      )}
    </div>
  );
}
