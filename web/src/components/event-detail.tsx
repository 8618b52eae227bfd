// One event in full: what, where and when, its snapshots, the places warned, its timeline, and the operator's
// actions with a note (recorded with the operator's name and the time), and the way to its camera's recording.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Camera, Event, EventUpdate, Role, Snapshot } from '@toc/server/schemas';
import type { EventActionName } from '../api/events.api';
import { fetchEventUpdates, fetchSnapshots, snapshotUrl } from '../api/evidence.api';
import { canActOnEvents, canPlayBackRecordings, canSeeFootage } from '../auth/permissions';
import { eventStatusKey, eventTypeKey, severityKey, timelineKey } from '../format/labels';
import { formatDateTime, formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { WarnedPlaces } from './warned-places';
import { useEventAction, type EventActionHandler } from './use-event-action';
import { ActionError } from './action-error';
import { warnedPlaces } from '../format/warned-places';
import { useRetriedLoad } from '../state/use-retried-load';
import { trapNameOf } from '../format/trap-name';
import { crashScene } from '../format/crash-scene';
import { useSession } from '../auth/session.context';
import { routeHref } from '../app/hash-router';
import { eventPlaybackHref } from '../playback/playback-route';

const NO_UPDATES: EventUpdate[] = [];
const NO_SNAPSHOTS: Snapshot[] = [];

interface EventDetailProps {
  event: Event;
  camera: Camera | undefined;
  role: Role;
  onAction: EventActionHandler;
  onClose: () => void;
}

const localized = (value: unknown, language: 'th' | 'en'): string | null => {
  const text = (value as Record<string, unknown> | undefined)?.[language];
  return typeof text === 'string' ? text : null;
};

export function EventDetail({ event, camera, role, onAction, onClose }: EventDetailProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [note, setNote] = useState('');
  const { pending, error, run: runAction } = useEventAction(event, onAction);
  const footage = canSeeFootage(role);
  const { state: session } = useSession();
  const me = session.status === 'signed-in' ? session.user.username : null;

  // The timeline grows with every change of the event (a new seq), so it is read again each time.
  const timeline = useRetriedLoad(
    (signal) => fetchEventUpdates(event.id, signal),
    String(event.id),
    event.seq,
    NO_UPDATES,
  );
  const snapshots = useRetriedLoad(
    (signal) => fetchSnapshots(event.id, signal),
    String(event.id),
    event.seq,
    NO_SNAPSHOTS,
    footage,
  ).value;

  const run = async (action: EventActionName) => {
    if (await runAction(action, note.trim() || undefined)) setNote('');
  };

  const timelineLabel = (kind: string) => {
    const key = timelineKey(kind);
    return key ? t(key) : kind;
  };
  const canAct = canActOnEvents(role);
  const open = event.status === 'open' || event.status === 'acknowledged';
  const title = localized(event.payload.title, language) ?? t(eventTypeKey(event.type));
  const places = warnedPlaces(event);
  const trapName = trapNameOf(event, language);
  const scene = crashScene(event);
  // System alarms (recording, a worker behind) say why in the worker's words, in both languages.
  const reason = event.payload[language === 'th' ? 'reasonTextTh' : 'reasonText'];

  return (
    <section className="panel-section event-detail" data-testid="event-detail" data-event-id={event.id}>
      <div className="detail-header">
        <h2 className="panel-title">{title}</h2>
        <button type="button" className="button ghost" onClick={onClose} data-testid="event-detail-close">
          {t('detail.close')}
        </button>
      </div>
      <div className="event-row">
        <span className="event-type">{t(eventTypeKey(event.type))}</span>
        <span className={`severity-tag severity-${event.severity}`}>{t(severityKey(event.severity))}</span>
        <span className={`status-tag status-${event.status}`} data-testid="detail-status">
          {t(eventStatusKey(event.status))}
        </span>
      </div>
      <dl className="detail-facts">
        <dt>{trapName ? t('detail.trap') : t('detail.camera')}</dt>
        <dd>
          {camera ? (language === 'th' ? camera.nameTh : camera.name) : (trapName ?? t('events.noCamera'))}
        </dd>
        <dt>{t('detail.assignedTo')}</dt>
        <dd data-testid="detail-assigned">{event.assignedTo ?? t('detail.unassigned')}</dd>
        <dt>{t('detail.started')}</dt>
        <dd data-testid="detail-started">{formatDateTime(event.startedAt, language)}</dd>
        {event.occurrences > 1 && (
          <>
            <dt>{t('detail.occurrences')}</dt>
            <dd data-testid="detail-occurrences">
              {t('detail.occurrencesValue', {
                n: formatNumber(event.occurrences, language),
                last: formatDateTime(event.lastRaisedAt, language),
              })}
            </dd>
          </>
        )}
        {event.endedAt && (
          <>
            <dt>{t('detail.ended')}</dt>
            <dd>{formatDateTime(event.endedAt, language)}</dd>
          </>
        )}
        {event.confidence !== null && (
          <>
            <dt>{t('detail.confidence')}</dt>
            <dd>{formatNumber(Math.round(event.confidence * 100), language)} %</dd>
          </>
        )}
        {typeof reason === 'string' && (
          <>
            <dt>{t('detail.reason')}</dt>
            <dd data-testid="detail-reason">{reason}</dd>
          </>
        )}
        {scene && (
          <>
            <dt>{t('detail.scene')}</dt>
            <dd data-testid="detail-scene">
              {t('detail.sceneValue', {
                vehicles: formatNumber(scene.stoppedVehicles, language),
                people: formatNumber(scene.peopleOnRoad, language),
              })}
            </dd>
          </>
        )}
        <dt>{t('detail.position')}</dt>
        <dd>
          {event.payload.positionFrom === 'calibration'
            ? t('detail.positionCalibrated')
            : trapName
              ? t('detail.positionTrap')
              : t('detail.positionCamera')}
        </dd>
      </dl>
      {places.length > 0 && <WarnedPlaces places={places} />}
      {footage && snapshots.length > 0 && (
        <div className="detail-snapshots">
          {snapshots.map((s) => (
            <a
              key={s.id}
              href={snapshotUrl(s.id)}
              target="_blank"
              rel="noreferrer"
              title={`SHA-256 ${s.sha256}`}
            >
              <img
                src={snapshotUrl(s.id)}
                alt={t(s.kind === 'frame' ? 'detail.snapshotFrame' : 'detail.snapshotObject')}
                data-testid="event-snapshot"
              />
            </a>
          ))}
        </div>
      )}
      <div className="detail-links">
        {event.cameraId !== null && canPlayBackRecordings(role) && (
          // The camera's recording from just before the onset, on the playback page.
          <a
            className="button secondary"
            href={eventPlaybackHref(event.cameraId, event.startedAt)}
            data-testid="detail-watch-recording"
          >
            {t('detail.watchRecording')}
          </a>
        )}
        <a
          className="button ghost"
          href={routeHref('report', event.id)}
          target="_blank"
          rel="noreferrer"
          data-testid="detail-report"
        >
          {t('detail.printReport')}
        </a>
      </div>
      <h3 className="detail-subtitle">{t('detail.timeline')}</h3>
      <ol className="detail-timeline" data-testid="event-timeline">
        {timeline.value.map((u) => (
          <li key={u.id}>
            <time>{formatDateTime(u.at, language)}</time> {timelineLabel(u.kind)}
            {u.username && ` · ${u.username}`}
            {typeof u.detail.note === 'string' && u.detail.note && <q>{u.detail.note}</q>}
          </li>
        ))}
      </ol>
      {timeline.failed && (
        <div className="event-error" role="status" data-testid="timeline-failed">
          {t('detail.timelineFailed')}
        </div>
      )}
      {canAct && open && (
        <div className="detail-actions">
          <textarea
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={2000}
            placeholder={t('detail.notePlaceholder')}
            aria-label={t('detail.note')}
            data-testid="event-note"
          />
          <div className="event-actions">
            {event.assignedTo !== me ? (
              <button
                type="button"
                className="button secondary"
                disabled={pending !== null}
                onClick={() => void run('assign')}
                data-testid="detail-assign"
              >
                {t('detail.assignToMe')}
              </button>
            ) : (
              <button
                type="button"
                className="button ghost"
                disabled={pending !== null}
                onClick={() => void run('release')}
                data-testid="detail-release"
              >
                {t('detail.release')}
              </button>
            )}
            {event.status === 'open' && (
              <button
                type="button"
                className="button"
                disabled={pending !== null}
                onClick={() => void run('acknowledge')}
                data-testid="detail-acknowledge"
              >
                {t('events.acknowledge')}
              </button>
            )}
            <button
              type="button"
              className="button secondary"
              disabled={pending !== null}
              onClick={() => void run('resolve')}
              data-testid="detail-resolve"
            >
              {t('events.resolve')}
            </button>
            <button
              type="button"
              className="button ghost"
              disabled={pending !== null}
              onClick={() => void run('false-alarm')}
              data-testid="detail-false-alarm"
            >
              {t('detail.falseAlarm')}
            </button>
          </div>
        </div>
      )}
      <ActionError error={error} />
    </section>
  );
}
