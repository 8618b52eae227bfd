// The playback page for the control room (admins, operators): a camera's recorded footage from any moment, under a
// 24-hour timeline of what was recorded, the gaps and why, alarms and evidence holds; up to three more cameras
// played beside it on the same clock. The address keeps the camera, the instant and the cameras beside it.
import './playback.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routeHref, useHashQuery } from '../app/hash-router';
import { useLanguage } from '../i18n/use-language';
import { useLiveData } from '../state/live-data.context';
import { useStore } from '../state/observable-store';
import { CameraPicker } from './camera-picker';
import { footageAt } from './footage-at';
import { FootageNotice } from './footage-notice';
import { PlaybackControls } from './playback-controls';
import { parsePlaybackQuery, playbackHref, PRE_ROLL_MS } from './playback-route';
import { PlaybackTimeline } from './playback-timeline';
import { PlayerStateStore } from './player-state';
import type { RecordedPlayback } from './recorded-playback';
import { RecordedTile } from './recorded-tile';
import { StillButton } from './still-button';
import { useCameraTimelines, type Lane } from './use-camera-timelines';
import { useFollowerSync } from './use-follower-sync';
import { usePlaybackShortcuts } from './use-playback-shortcuts';
import { useTimelineView } from './use-timeline-view';

/** Opened without an instant (from the menu or a camera): a moment ago, so there is footage to show. */
const DEFAULT_LOOKBACK_MS = 2 * 60_000;
/** The playhead moves the timeline at most this often while playing. */
const FOLLOW_MS = 500;
const IDLE = new PlayerStateStore();

/** The lane's timeline if it covers `at` (the lanes are the shown day's). */
function timelineCovering(lane: Lane | undefined, at: number) {
  const timeline = lane?.timeline;
  return timeline && Date.parse(timeline.from) <= at && at < Date.parse(timeline.to) ? timeline : null;
}

export default function PlaybackPage({ cameraId }: { cameraId: number | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const live = useLiveData();
  const cameras = useStore(live.cameras);
  const loadStatus = useStore(live.loadStatus);
  const query = useHashQuery();
  const asked = useMemo(() => parsePlaybackQuery(query, cameraId ?? 0), [query, cameraId]);
  const othersKey = asked.others.join(',');
  // Same cameras, same array (keyed by their ids): the followers and their sync do not restart on every hash read.
  const others = useMemo(() => asked.others, [othersKey]);

  // What the main player is asked to show; `seq` makes asking again for the same instant a new request.
  const [request, setRequest] = useState(() => ({
    at: asked.at ?? Date.now() - DEFAULT_LOOKBACK_MS,
    seq: 0,
  }));
  const pick = useCallback((at: number) => setRequest((r) => ({ at, seq: r.seq + 1 })), []);
  // A new instant in the address (a link followed while the page is open) is a new request.
  const askedAt = useRef(asked.at);
  useEffect(() => {
    if (asked.at === null || asked.at === askedAt.current) return;
    askedAt.current = asked.at;
    pick(asked.at);
  }, [asked.at, pick]);

  const timeline = useTimelineView(request.at);
  const shownIds = useMemo(() => (cameraId === null ? [] : [cameraId, ...others]), [cameraId, others]);
  const lanes = useCameraTimelines(shownIds, timeline.bounds);
  const lanesNow = useRef(lanes);
  useEffect(() => {
    lanesNow.current = lanes;
  });

  const [players, setPlayers] = useState<ReadonlyMap<number, RecordedPlayback>>(() => new Map());
  const onPlayer = useCallback((id: number, player: RecordedPlayback | null) => {
    setPlayers((current) => {
      const next = new Map(current);
      if (player) next.set(id, player);
      else next.delete(id);
      return next;
    });
  }, []);
  const main = cameraId === null ? null : (players.get(cameraId) ?? null);
  const followers = useMemo(
    () => others.map((id) => players.get(id)).filter((p): p is RecordedPlayback => p !== undefined),
    [players, others],
  );
  const mainState = useStore(main?.state ?? IDLE);

  const rate = useRef(1);
  const changeRate = useCallback(
    (next: number) => {
      rate.current = next;
      main?.setRate(next);
    },
    [main],
  );

  // A moment picked inside a gap the timeline knows: say so (and why) instead of playing something else.
  const [pickedGap, setPickedGap] = useState<number | null>(null);
  useEffect(() => {
    if (!main) return;
    timeline.showDayOf(request.at);
    main.setRate(rate.current);
    const known = timelineCovering(lanesNow.current.get(main.cameraId), request.at);
    const found = known ? footageAt(known, request.at) : null;
    let at = request.at;
    if (found?.kind === 'missing') {
      // Just before footage with no gap to explain it (an alarm's pre-roll before recording began): start there.
      if (found.gap !== null || found.next === null || found.next - request.at > PRE_ROLL_MS) {
        main.pause();
        setPickedGap(request.at);
        return;
      }
      at = found.next;
    }
    setPickedGap(null);
    main.play();
    main.seek(at);
    // Only a new request or a new main player starts playback; the timeline's functions are stable.
  }, [main, request]);
  useEffect(() => {
    if (mainState.playing) setPickedGap(null);
  }, [mainState.playing]);
  const { status } = mainState;
  const noFootageAt = pickedGap ?? (status.kind === 'no-footage' ? status.at : null);
  const serverReason = pickedGap === null && status.kind === 'no-footage' ? status.reason : null;

  // The timeline follows the playhead.
  const { follow } = timeline;
  useEffect(() => {
    if (!main) return;
    let previous: number | null = null;
    let last = Number.NEGATIVE_INFINITY;
    return main.clock.subscribe(() => {
      const at = main.clock.get();
      if (at === null || (main.state.get().playing && performance.now() - last < FOLLOW_MS)) return;
      last = performance.now();
      follow(at, previous);
      previous = at;
    });
  }, [main, follow]);

  useFollowerSync(main, followers, noFootageAt);
  usePlaybackShortcuts(main, changeRate);

  const nameOf = (id: number) => {
    const camera = cameras.byId.get(id);
    return camera ? (language === 'th' ? camera.nameTh : camera.name) : `#${id}`;
  };
  const go = (mainId: number, beside: readonly number[], at: number | null) => {
    window.location.hash = playbackHref({ cameraId: mainId, at, others: beside }).slice(1);
  };
  // Another main camera starts at the instant on screen; adding or removing one beside it leaves the instant alone.
  const onMain = (id: number) =>
    go(
      id,
      others.filter((o) => o !== id),
      main?.clock.get() ?? request.at,
    );
  const onAdd = (id: number) => cameraId !== null && go(cameraId, [...others, id], asked.at);
  const onRemove = (id: number) =>
    cameraId !== null &&
    go(
      cameraId,
      others.filter((o) => o !== id),
      asked.at,
    );
  const missing = cameraId !== null && loadStatus.cameras === 'ready' && !cameras.byId.has(cameraId);

  return (
    <main className="playback-page" data-testid="playback-page" data-camera-id={cameraId ?? ''}>
      <header className="playback-header">
        <h2>{t('playback.title')}</h2>
        <CameraPicker
          cameras={cameras.list}
          mainId={cameraId}
          others={others}
          nameOf={nameOf}
          onMain={onMain}
          onAdd={onAdd}
        />
        {missing && (
          <span className="panel-note" data-testid="playback-camera-missing">
            {t('playback.cameraMissing', { id: cameraId })}
          </span>
        )}
        <span className="playback-zone">{t('playback.timeZone')}</span>
        {/* Storage, retention and evidence holds have their own page, reached from here: the app header is full. */}
        <a
          href={routeHref('recordings')}
          className="button secondary compact"
          data-testid="playback-to-recordings"
        >
          {t('recordings.link')}
        </a>
      </header>
      {cameraId === null ? (
        <p className="page-loading" data-testid="playback-choose-camera">
          {loadStatus.cameras === 'failed'
            ? t('playback.camerasFailed')
            : loadStatus.cameras === 'ready' && cameras.list.length === 0
              ? t('playback.noCameras')
              : t('playback.chooseCamera')}
        </p>
      ) : (
        <>
          <div className={`playback-stage cameras-${shownIds.length}`}>
            <RecordedTile
              key={cameraId}
              cameraId={cameraId}
              title={nameOf(cameraId)}
              main
              onPlayer={onPlayer}
            >
              {noFootageAt !== null && (
                <FootageNotice
                  at={noFootageAt}
                  timeline={timelineCovering(lanes.get(cameraId), noFootageAt)}
                  serverReason={serverReason}
                  onPlay={pick}
                />
              )}
            </RecordedTile>
            {others.map((id) => (
              <RecordedTile key={id} cameraId={id} title={nameOf(id)} main={false} onPlayer={onPlayer}>
                <div className="tile-tools">
                  <StillButton player={players.get(id) ?? null} compact />
                  <button
                    type="button"
                    className="button secondary compact"
                    onClick={() => onRemove(id)}
                    title={t('playback.removeCamera', { name: nameOf(id) })}
                    aria-label={t('playback.removeCamera', { name: nameOf(id) })}
                    data-testid="playback-remove-camera"
                  >
                    ×
                  </button>
                </div>
              </RecordedTile>
            ))}
          </div>
          <PlaybackControls player={main} onRate={changeRate} />
          <PlaybackTimeline
            cameras={shownIds.map((id) => ({ id, name: nameOf(id) }))}
            lanes={lanes}
            timeline={timeline}
            clock={main?.clock ?? null}
            pinnedAt={noFootageAt}
            onPick={pick}
          />
        </>
      )}
    </main>
  );
}
