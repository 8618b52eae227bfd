// The recordings page for the control room (admins, operators): the recordings volume and how long it lasts, recording
// health per camera, each camera's retention (admins change it) and the evidence holds (admins place and release
// them). The figures refresh every 15 s.
import './recordings.css';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CameraRecordingSettings, Role } from '@toc/server/schemas';
import { routeHref } from '../app/hash-router';
import { canManageRecordings } from '../auth/permissions';
import { formatTime } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { useLiveData } from '../state/live-data.context';
import { useStore } from '../state/observable-store';
import { useNow } from '../state/use-now';
import { EvidenceHolds } from './evidence-holds';
import { RecordingHealthTable } from './recording-health-table';
import { RetentionSettings } from './retention-settings';
import { StorageCard } from './storage-card';
import { useRecordingOverview } from './use-recording-overview';

/** "Last segment over a minute old" needs a clock that moves between refreshes. */
const CLOCK_MS = 5_000;

export default function RecordingsPage({ role }: { role: Role }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const editable = canManageRecordings(role);
  const cameras = useStore(useLiveData().cameras);
  const now = useNow(CLOCK_MS);
  const { overview, failed, loadedAt, reload, patchSettings } = useRecordingOverview();

  const nameOf = useCallback(
    (id: number) => {
      const camera = cameras.byId.get(id);
      return camera ? (language === 'th' ? camera.nameTh : camera.name) : `#${id}`;
    },
    [cameras, language],
  );
  // A saved camera shows its settings at once; its forecast (which depends on them) comes with the next fetch, now.
  const onSaved = useCallback(
    (cameraId: number, settings: CameraRecordingSettings) => {
      patchSettings(cameraId, settings);
      reload();
    },
    [patchSettings, reload],
  );
  const cameraOf = useCallback((id: number) => cameras.byId.get(id), [cameras]);
  // Every camera the server records for; until the overview arrives, the camera list.
  const cameraIds = overview ? overview.cameras.map((c) => c.cameraId) : cameras.list.map((c) => c.id);

  return (
    <main className="card-page recordings-page" data-testid="recordings-page" data-editable={editable}>
      <header className="card-page-header">
        <h2>{t('recordings.title')}</h2>
        <a
          href={routeHref('playback')}
          className="button secondary compact"
          data-testid="recordings-to-playback"
        >
          {t('recordings.toPlayback')}
        </a>
        <span className="card-page-note" data-testid="recordings-updated" data-loaded-at={loadedAt ?? ''}>
          {loadedAt !== null && t('recordings.updated', { time: formatTime(new Date(loadedAt), language) })}
        </span>
        <span className="card-page-zone">{t('playback.timeZone')}</span>
      </header>
      <p className="card-page-intro card-page-note">{t('recordings.intro')}</p>
      {failed && (
        <p className="card-page-alert" role="alert" data-testid="recordings-failed">
          {overview ? t('recordings.refreshFailed') : t('recordings.loadFailed')}
        </p>
      )}
      {overview === null ? (
        !failed && <p className="page-loading">{t('common.loading')}</p>
      ) : (
        <>
          <StorageCard storage={overview.storage} showVolume={editable} />
          <RecordingHealthTable cameras={overview.cameras} cameraOf={cameraOf} nameOf={nameOf} now={now} />
          <RetentionSettings
            cameras={overview.cameras}
            nameOf={nameOf}
            editable={editable}
            onSaved={onSaved}
          />
        </>
      )}
      <EvidenceHolds
        cameraIds={cameraIds}
        nameOf={nameOf}
        editable={editable}
        now={now}
        refresh={loadedAt}
        onChanged={reload}
      />
    </main>
  );
}
