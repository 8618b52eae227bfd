// Camera detail and set-up: live view, health, and (for admins) the zone, counting-line and calibration editors.
import '../camera-setup/camera-setup.css';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Camera, CameraScene, Role } from '@toc/server/schemas';
import { ApiError } from '../api/api-error';
import { routeHref } from '../app/hash-router';
import { canEditCameras, canPlayBackRecordings } from '../auth/permissions';
import { playbackHref } from '../playback/playback-route';
import { CalibrationEditor } from '../camera-setup/calibration-editor';
import { CameraFigures } from '../camera-setup/camera-figures';
import { CameraFrameProvider } from '../camera-setup/frame-surface';
import { SceneEditor } from '../camera-setup/scene-editor';
import { StreamSettings } from '../camera-setup/stream-settings';
import { fetchScene } from '../camera-setup/scene.api';
import { cameraStatusKey } from '../format/labels';
import { useLanguage } from '../i18n/use-language';
import { CAMERA_STATUS_COLORS } from '../map/palette';
import { useLiveData } from '../state/live-data.context';
import { useStore } from '../state/observable-store';
import { LiveTile } from '../video/live-tile';

type Tab = 'scene' | 'calibration' | 'stream';

/** The camera's zones, lines and calibration; `reload` fetches them again after a save elsewhere on the page. */
function useScene(cameraId: number) {
  const [scene, setScene] = useState<CameraScene | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    fetchScene(cameraId, abort.signal)
      .then((loaded) => {
        setScene(loaded);
        setError(null);
      })
      .catch((failure: unknown) => {
        if (!abort.signal.aborted) setError(failure);
      });
    return () => abort.abort();
  }, [cameraId, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { scene, setScene, error, reload };
}

export default function CameraPage({ role, cameraId }: { role: Role; cameraId: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const live = useLiveData();
  const cameras = useStore(live.cameras);
  const loadStatus = useStore(live.loadStatus);
  const camera = cameras.byId.get(cameraId);
  const { scene, setScene, error, reload } = useScene(cameraId);
  const [tab, setTab] = useState<Tab>('scene');
  const editable = canEditCameras(role);

  if (!camera) {
    const message =
      loadStatus.cameras === 'loading'
        ? t('common.loading')
        : loadStatus.cameras === 'failed'
          ? t('cameras.loadFailed')
          : t('setup.notFound', { id: cameraId });
    return (
      <main className="camera-page" data-testid="camera-page" data-role={role} data-camera-id={cameraId}>
        <a className="button ghost" href={routeHref('map')}>
          {t('setup.back')}
        </a>
        <p className="page-loading" data-testid="camera-missing">
          {message}
        </p>
      </main>
    );
  }

  const name = language === 'th' ? camera.nameTh : camera.name;
  const otherName = language === 'th' ? camera.name : camera.nameTh;
  return (
    <main
      className="camera-page"
      data-testid="camera-page"
      data-role={role}
      data-camera-id={cameraId}
      data-editable={editable}
    >
      <CameraHeader
        camera={camera}
        name={name}
        otherName={otherName}
        playback={canPlayBackRecordings(role)}
      />
      <div className="camera-page-body">
        <section className="camera-live-column" aria-label={t('setup.liveTitle')}>
          <LiveTile cameraId={camera.id} title={name} maxFps={2} className="camera-live" />
          <CameraFigures camera={camera} />
        </section>
        <section className="camera-setup-column">
          <CameraFrameProvider cameraId={camera.id}>
            <div className="setup-tabs" role="tablist">
              <TabButton tab="scene" current={tab} onSelect={setTab} label={t('setup.tab.scene')} />
              <TabButton
                tab="calibration"
                current={tab}
                onSelect={setTab}
                label={t('setup.tab.calibration')}
              />
              {editable && (
                <TabButton tab="stream" current={tab} onSelect={setTab} label={t('setup.tab.stream')} />
              )}
              {!editable && (
                <span className="setup-readonly" data-testid="setup-readonly">
                  {t('setup.readOnly')}
                </span>
              )}
            </div>
            {error !== null && (
              <p className="setup-error" role="alert">
                {error instanceof ApiError ? error.localizedMessage(language) : t('setup.networkError')}
              </p>
            )}
            {!scene && error === null && <p className="page-loading">{t('common.loading')}</p>}
            {scene && tab === 'scene' && (
              <SceneEditor cameraId={camera.id} scene={scene} editable={editable} onSaved={setScene} />
            )}
            {editable && tab === 'stream' && <StreamSettings key={camera.id} cameraId={camera.id} />}
            {scene && tab === 'calibration' && (
              <CalibrationEditor
                cameraId={camera.id}
                camera={camera}
                saved={scene.calibration}
                editable={editable}
                onChanged={reload}
              />
            )}
          </CameraFrameProvider>
        </section>
      </div>
    </main>
  );
}

function CameraHeader({
  camera,
  name,
  otherName,
  playback,
}: {
  camera: Camera;
  name: string;
  otherName: string;
  playback: boolean;
}) {
  const { t } = useTranslation();
  return (
    <header className="camera-page-header">
      <a className="button ghost" href={routeHref('map')}>
        {t('setup.back')}
      </a>
      <div>
        <h1 className="camera-title" data-testid="camera-title">
          {name}
        </h1>
        <p className="camera-subtitle">{otherName}</p>
      </div>
      <div className="camera-status" data-testid="camera-status" data-status={camera.status}>
        <span
          className="dot"
          style={{ background: CAMERA_STATUS_COLORS[camera.status] }}
          aria-hidden="true"
        />
        <strong>{t(cameraStatusKey(camera.status))}</strong>
        {camera.statusReason && <span className="camera-status-reason">{camera.statusReason}</span>}
      </div>
      {playback && (
        <a
          className="button secondary"
          href={playbackHref({ cameraId: camera.id })}
          data-testid="camera-playback"
        >
          {t('cameraPanel.playback')}
        </a>
      )}
    </header>
  );
}

function TabButton({
  tab,
  current,
  onSelect,
  label,
}: {
  tab: Tab;
  current: Tab;
  onSelect: (tab: Tab) => void;
  label: string;
}) {
  return (
    <button
      type="button"
      role="tab"
      aria-selected={tab === current}
      className={`setup-tab${tab === current ? ' active' : ''}`}
      onClick={() => onSelect(tab)}
      data-testid={`setup-tab-${tab}`}
    >
      {label}
    </button>
  );
}
