// The wall's large tile for the most urgent open critical event: its camera live (or its snapshot) with the banner;
// operators acknowledge with the button or the A key, which ends the takeover.
import { useEffect, type ReactNode } from 'react';
import type { Camera, Event, Role } from '@toc/server/schemas';
import { canActOnEvents } from '../auth/permissions';
import { useEventAction, type EventActionHandler } from '../components/use-event-action';
import { LiveTile } from '../video/live-tile';
import { TakeoverOverlay } from './takeover-overlay';
import { TakeoverStill } from './takeover-still';

interface TakeoverTileProps {
  event: Event;
  /** The "+N more" list of the alarms waiting behind this one, or null. */
  more: ReactNode;
  camera: Camera | undefined;
  sighting: Event | undefined;
  role: Role;
  onAction: EventActionHandler;
  /** Off while a form is open, so typing an "a" acknowledges nothing. */
  shortcutEnabled: boolean;
}

/** Typing in a field must not trigger the shortcut. */
const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

function useAcknowledgeKey(acknowledge: (() => void) | null): void {
  useEffect(() => {
    if (!acknowledge) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'a' || e.ctrlKey || e.metaKey || e.altKey || e.repeat || typing(e.target)) return;
      e.preventDefault();
      acknowledge();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [acknowledge]);
}

export function TakeoverTile({ event, more, camera, sighting, role, onAction, shortcutEnabled }: TakeoverTileProps) {
  const { pending, error, run } = useEventAction(event, onAction);
  const acknowledge = canActOnEvents(role) ? () => void run('acknowledge') : null;
  useAcknowledgeKey(acknowledge && shortcutEnabled && pending === null ? acknowledge : null);

  const overlay = (
    <TakeoverOverlay
      event={event}
      camera={camera}
      sighting={sighting}
      more={more}
      onAcknowledge={acknowledge}
      pending={pending !== null}
      error={error}
    />
  );
  return (
    <section className="wall-takeover" data-testid="wall-takeover" data-event-id={event.id} data-event-type={event.type} aria-live="assertive">
      {event.cameraId !== null ? (
        <LiveTile cameraId={event.cameraId} maxFps={5} overlay={overlay} className="takeover-live" />
      ) : (
        <TakeoverStill event={event} role={role} overlay={overlay} />
      )}
    </section>
  );
}
