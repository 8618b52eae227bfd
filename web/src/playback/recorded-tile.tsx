// One camera's recorded picture: the <video> hls.js plays into, its caption, its Bangkok clock and its status. The
// player itself (RecordedPlayback) is handed to the page, which drives it.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useStore } from '../state/observable-store';
import { PlaybackClock } from './playback-clock';
import { PlayerStatusNote } from './player-status';
import { PlayerStateStore } from './player-state';
import { RecordedPlayback } from './recorded-playback';

interface RecordedTileProps {
  cameraId: number;
  title: string;
  /** The main player (its clock is the page's); the others follow it. */
  main: boolean;
  onPlayer: (cameraId: number, player: RecordedPlayback | null) => void;
  /** Drawn over the picture: the main player's "no footage" notice, a follower's remove button. */
  children?: ReactNode;
}

const IDLE = new PlayerStateStore();

export function RecordedTile({ cameraId, title, main, onPlayer, children }: RecordedTileProps) {
  const video = useRef<HTMLVideoElement>(null);
  const [player, setPlayer] = useState<RecordedPlayback | null>(null);
  // A ref, so a new callback each render does not make a new player.
  const handOver = useRef(onPlayer);
  useEffect(() => {
    handOver.current = onPlayer;
  });

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    const created = new RecordedPlayback(cameraId, main);
    created.attach(element);
    setPlayer(created);
    handOver.current(cameraId, created);
    return () => {
      created.destroy();
      handOver.current(cameraId, null);
    };
  }, [cameraId, main]);

  const state = useStore(player?.state ?? IDLE);
  return (
    <figure
      className={main ? 'playback-tile main' : 'playback-tile'}
      data-testid="playback-tile"
      data-camera-id={cameraId}
      data-main={main}
      data-status={state.status.kind}
    >
      <video
        ref={video}
        className="playback-video"
        muted
        playsInline
        data-testid={main ? 'playback-video' : 'playback-video-beside'}
        data-camera-id={cameraId}
        data-playing={state.playing}
        data-rate={state.rate}
      />
      <figcaption className="live-title">{title}</figcaption>
      {player && <PlaybackClock clock={player.clock} main={main} />}
      <PlayerStatusNote status={state.status} main={main} />
      {children}
    </figure>
  );
}
