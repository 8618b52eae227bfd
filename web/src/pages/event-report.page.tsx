// A printable report of one alarm, in Thai and English side by side: what, where, when, who acted, the snapshots
// (their views are audited like any other) and the whole timeline with notes. The browser prints or saves it as PDF.
import { useMemo } from 'react';
import i18next from 'i18next';
import type { Camera, Event, EventUpdate, Role, Snapshot } from '@toc/server/schemas';
import { fetchEvent } from '../api/events.api';
import { fetchEventUpdates, fetchSnapshots, snapshotUrl } from '../api/evidence.api';
import { fetchCameras } from '../api/cameras.api';
import { canSeeFootage } from '../auth/permissions';
import { eventStatusKey, eventTypeKey, severityKey, timelineKey } from '../format/labels';
import { trapNameOf } from '../format/trap-name';
import { formatDateTime, formatNumber } from '../i18n/format';
import type { Language } from '../i18n/i18n';
import type { TranslationKey } from '../i18n/en';
import { useRetriedLoad } from '../state/use-retried-load';
import './event-report.css';

const LANGUAGES: readonly Language[] = ['th', 'en'];
const NO_UPDATES: EventUpdate[] = [];
const NO_SNAPSHOTS: Snapshot[] = [];
const NO_CAMERAS: Camera[] = [];

/** One value in both languages, Thai first (the report's readers are Thai authorities). */
function Both({ render }: { render: (language: Language) => string }) {
  return (
    <>
      {LANGUAGES.map((language) => (
        <span key={language} lang={language} className={`report-${language}`}>
          {render(language)}
        </span>
      ))}
    </>
  );
}

const tIn = (language: Language) => i18next.getFixedT(language);

export default function EventReportPage({ eventId, role, username }: { eventId: number; role: Role; username: string }) {
  const event = useRetriedLoad((signal) => fetchEvent(eventId, signal), String(eventId), 0, null as Event | null).value;
  const updates = useRetriedLoad((signal) => fetchEventUpdates(eventId, signal), String(eventId), 0, NO_UPDATES).value;
  const footage = canSeeFootage(role);
  const snapshots = useRetriedLoad((signal) => fetchSnapshots(eventId, signal), String(eventId), 0, NO_SNAPSHOTS, footage).value;
  const cameras = useRetriedLoad((signal) => fetchCameras(signal), 'cameras', 0, NO_CAMERAS).value;
  const printedAt = useMemo(() => new Date(), []);
  if (!event) return <p className="report-loading">{tIn('th')('common.loading')} / {tIn('en')('common.loading')}</p>;
  const camera = event.cameraId === null ? undefined : cameras.find((c) => c.id === event.cameraId);
  const place = (language: Language) =>
    camera ? (language === 'th' ? camera.nameTh : camera.name) : (trapNameOf(event, language) ?? tIn(language)('events.noCamera'));
  const title = (language: Language) => {
    const own = (event.payload.title as Record<string, unknown> | undefined)?.[language];
    return typeof own === 'string' ? own : tIn(language)(eventTypeKey(event.type));
  };
  const when = (value: string | null) => (language: Language) => (value ? formatDateTime(value, language) : '—');
  const rows: [TranslationKey, (language: Language) => string][] = [
    ['report.what', title],
    ['report.type', (l) => tIn(l)(eventTypeKey(event.type))],
    ['report.severity', (l) => tIn(l)(severityKey(event.severity))],
    ['report.status', (l) => tIn(l)(eventStatusKey(event.status))],
    ['report.where', place],
    ['report.position', () => (event.location ? `${event.location.lat.toFixed(6)}, ${event.location.lon.toFixed(6)}` : '—')],
    ['report.started', when(event.startedAt)],
    ['report.ended', when(event.endedAt)],
    ['report.raised', (l) => formatNumber(event.occurrences, l)],
    ['report.acknowledged', (l) => (event.acknowledgedAt ? `${formatDateTime(event.acknowledgedAt, l)} · ${event.acknowledgedBy ?? ''}` : '—')],
    ['report.resolved', (l) => (event.resolvedAt ? `${formatDateTime(event.resolvedAt, l)} · ${event.resolvedBy ?? ''}` : '—')],
    ['report.note', () => event.note ?? '—'],
  ];
  return (
    <article className="event-report" data-testid="event-report" data-event-id={event.id}>
      <header>
        <h1>
          <Both render={(l) => `${tIn(l)('report.title')} #${event.id}`} />
        </h1>
        <p className="report-meta">
          <Both render={(l) => tIn(l)('report.printed', { at: formatDateTime(printedAt, l), by: username })} />
        </p>
        <button type="button" className="button report-print" onClick={() => window.print()} data-testid="report-print">
          <Both render={(l) => tIn(l)('report.print')} />
        </button>
      </header>
      <table className="report-facts">
        <tbody>
          {rows.map(([key, value]) => (
            <tr key={key}>
              <th>
                <Both render={(l) => tIn(l)(key)} />
              </th>
              <td>
                <Both render={value} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {snapshots.length > 0 && (
        <section className="report-snapshots">
          <h2>
            <Both render={(l) => tIn(l)('report.snapshots')} />
          </h2>
          {snapshots.map((s) => (
            <figure key={s.id}>
              <img src={snapshotUrl(s.id)} alt="" data-testid="report-snapshot" />
              <figcaption>SHA-256 {s.sha256}</figcaption>
            </figure>
          ))}
        </section>
      )}
      <section>
        <h2>
          <Both render={(l) => tIn(l)('report.timeline')} />
        </h2>
        <table className="report-timeline" data-testid="report-timeline">
          <tbody>
            {updates.map((u) => {
              const key = timelineKey(u.kind);
              return (
                <tr key={u.id}>
                  <td>
                    <Both render={(l) => formatDateTime(u.at, l)} />
                  </td>
                  <td>
                    <Both render={(l) => (key ? tIn(l)(key) : u.kind)} />
                  </td>
                  <td>{u.username ?? ''}</td>
                  <td>{typeof u.detail.note === 'string' ? u.detail.note : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </article>
  );
}
