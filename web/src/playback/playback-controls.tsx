// The player's controls: play/pause, one frame back and forward, ten seconds back and forward, the speeds, a still,
// and the keyboard shortcuts' hint.
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/observable-store';
import { FrameIcon, PauseIcon, PlayIcon } from './playback-icons';
import { JUMP_SECONDS, SPEEDS } from './playback-keys';
import { PlayerStateStore } from './player-state';
import type { RecordedPlayback } from './recorded-playback';
import { StillButton } from './still-button';

const IDLE = new PlayerStateStore();

export function PlaybackControls({
  player,
  onRate,
}: {
  player: RecordedPlayback | null;
  onRate: (rate: number) => void;
}) {
  const { t } = useTranslation();
  const state = useStore(player?.state ?? IDLE);
  const ready = player !== null && state.status.kind === 'ready';
  return (
    <div className="playback-controls" role="toolbar" aria-label={t('playback.title')}>
      <button
        type="button"
        className="button playback-play"
        disabled={!ready && !state.playing}
        onClick={() => player?.toggle()}
        aria-pressed={state.playing}
        data-testid="playback-play"
        data-playing={state.playing}
      >
        {state.playing ? <PauseIcon /> : <PlayIcon />}
        {state.playing ? t('playback.pause') : t('playback.play')}
      </button>
      <div className="playback-group">
        <button
          type="button"
          className="button secondary"
          disabled={!ready}
          onClick={() => player?.stepFrame(-1)}
          title={t('playback.frameBack')}
          aria-label={t('playback.frameBack')}
          data-testid="playback-frame-back"
        >
          <FrameIcon direction={-1} />
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={!ready}
          onClick={() => player?.stepFrame(1)}
          title={t('playback.frameForward')}
          aria-label={t('playback.frameForward')}
          data-testid="playback-frame-forward"
        >
          <FrameIcon direction={1} />
        </button>
      </div>
      <div className="playback-group">
        <button
          type="button"
          className="button secondary"
          disabled={!player}
          onClick={() => player?.jump(-JUMP_SECONDS)}
          title={t('playback.back10Title')}
          data-testid="playback-back-10"
        >
          {t('playback.back10')}
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={!player}
          onClick={() => player?.jump(JUMP_SECONDS)}
          title={t('playback.forward10Title')}
          data-testid="playback-forward-10"
        >
          {t('playback.forward10')}
        </button>
      </div>
      <div className="playback-group playback-speeds" role="group" aria-label={t('playback.speed')}>
        <span className="playback-speed-label">{t('playback.speed')}</span>
        {SPEEDS.map((speed) => (
          <button
            key={speed}
            type="button"
            className={
              state.rate === speed ? 'button compact speed active' : 'button secondary compact speed'
            }
            aria-pressed={state.rate === speed}
            onClick={() => onRate(speed)}
            data-testid={`playback-speed-${speed}`}
          >
            {speed}×
          </button>
        ))}
      </div>
      <StillButton player={player} />
      <span
        className="shortcuts-hint"
        title={t('playback.shortcuts')}
        aria-label={t('playback.shortcuts')}
        tabIndex={0}
        data-testid="playback-shortcuts"
      >
        {t('playback.keys')}
      </span>
    </div>
  );
}
