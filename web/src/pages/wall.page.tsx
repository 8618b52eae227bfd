// Video wall page: a rows × cols grid of live camera tiles cycling through the wall's groups; an open critical
// event takes over a large tile until someone acknowledges it; sound alert, full screen and the layout editor.
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Event, Role, Wall } from '@toc/server/schemas';
import type { EventActionName } from '../api/events.api';
import { canActOnEvents } from '../auth/permissions';
import { useLiveData } from '../state/live-data.context';
import { useStore } from '../state/observable-store';
import { sightingIdOf } from '../wall/event-text';
import { withChosenFirst } from '../wall/takeover';
import { TakeoverTile } from '../wall/takeover-tile';
import { useAlertSound } from '../wall/use-alert-sound';
import { useFullscreen } from '../wall/use-fullscreen';
import { useTakeover } from '../wall/use-takeover';
import { useWallCycle } from '../wall/use-wall-cycle';
import { useWalls } from '../wall/use-walls';
import { WaitingAlarms } from '../wall/waiting-alarms';
import { WallEditor } from '../wall/wall-editor';
import { WallGrid } from '../wall/wall-grid';
import { WallToolbar } from '../wall/wall-toolbar';
import '../wall/wall.css';

/** Layouts are part of running the control room: the same roles that act on alarms may change them. */
const canEditWalls = canActOnEvents;

export default function WallPage({ role }: { role: Role }) {
  const { t } = useTranslation();
  const live = useLiveData();
  const cameras = useStore(live.cameras);
  const events = useStore(live.events);
  const { walls, state, wall, choose, replace } = useWalls();
  const cycle = useWallCycle(wall?.id ?? null, wall?.groups.length ?? 0, wall?.cycleSeconds ?? 0);
  // An alarm chosen from the "+N more" list holds the large tile until it is acknowledged or a new alarm arrives.
  const [chosenId, setChosenId] = useState<number | null>(null);
  const onArrival = useCallback(() => setChosenId(null), []);
  const queue = useTakeover(onArrival);
  // The alarms waiting on the wall sound by severity until acknowledged.
  const sound = useAlertSound(queue);
  const shown = withChosenFirst(queue, chosenId);
  const [editing, setEditing] = useState(false);
  const pageRef = useRef<HTMLElement>(null);
  const fullscreen = useFullscreen(pageRef);

  const onAction = useCallback(
    (event: Event, action: EventActionName, note?: string) => live.act(event.id, action, note),
    [live],
  );
  const onSaved = useCallback(
    (saved: Wall) => {
      replace(saved);
      setEditing(false);
    },
    [replace],
  );

  const head = shown[0];
  const waiting = shown.slice(1);
  const sightingId = head ? sightingIdOf(head) : null;
  const group = wall?.groups[cycle.index];

  return (
    <main className="wall-page" ref={pageRef} data-testid="wall-page" data-role={role} data-wall-id={wall?.id}>
      {state === 'loading' && <p className="wall-message">{t('common.loading')}</p>}
      {state === 'failed' && (
        <p className="wall-message" role="alert">
          {t('wall.loadFailed')}
        </p>
      )}
      {state === 'ready' && !wall && <p className="wall-message">{t('wall.none')}</p>}
      {wall && (
        <WallToolbar
          walls={walls}
          wall={wall}
          cycle={cycle}
          sound={sound}
          fullscreen={fullscreen}
          onChoose={choose}
          onEdit={canEditWalls(role) ? () => setEditing(true) : null}
        />
      )}
      <div className={`wall-stage ${head ? 'has-takeover' : ''}`}>
        {head && (
          <TakeoverTile
            key={head.id}
            event={head}
            more={waiting.length > 0 ? <WaitingAlarms waiting={waiting} cameras={cameras.byId} events={events.byId} onShow={setChosenId} /> : null}
            camera={head.cameraId === null ? undefined : cameras.byId.get(head.cameraId)}
            sighting={sightingId === null ? undefined : events.byId.get(sightingId)}
            role={role}
            onAction={onAction}
            shortcutEnabled={!editing}
          />
        )}
        {wall && group && <WallGrid rows={wall.rows} cols={wall.cols} group={group} cameras={cameras.byId} compact={head !== undefined} />}
      </div>
      {editing && wall && <WallEditor wall={wall} cameras={cameras.list} onSaved={onSaved} onClose={() => setEditing(false)} />}
    </main>
  );
}
