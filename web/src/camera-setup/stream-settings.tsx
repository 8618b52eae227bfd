// Admins only: the camera's stream address and its write-only credentials (shown as set or not, never read back).
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Camera, CameraUpdate } from '@toc/server/schemas';
import { ApiError } from '../api/api-error';
import { useLanguage } from '../i18n/use-language';
import { fetchCamera, updateCameraStream } from './scene.api';

type Outcome = { kind: 'saved'; what: 'url' | 'credentials' | 'removed' } | { kind: 'failed'; error: unknown } | null;

/** Read from the camera's own route: the admin-only fields (address, whether credentials are set) come from there. */
export function StreamSettings({ cameraId }: { cameraId: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [camera, setCamera] = useState<Camera | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  useEffect(() => {
    const abort = new AbortController();
    fetchCamera(cameraId, abort.signal)
      .then(setCamera)
      .catch((error: unknown) => {
        if (!abort.signal.aborted) setLoadError(error);
      });
    return () => abort.abort();
  }, [cameraId]);
  if (loadError !== null) {
    return (
      <p className="setup-error" role="alert">
        {loadError instanceof ApiError ? loadError.localizedMessage(language) : t('setup.networkError')}
      </p>
    );
  }
  if (!camera) return <p className="page-loading">{t('common.loading')}</p>;
  return <StreamForms camera={camera} onSaved={setCamera} />;
}

function StreamForms({ camera, onSaved }: { camera: Camera; onSaved: (camera: Camera) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [url, setUrl] = useState(camera.rtspUrl ?? '');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const save = async (patch: CameraUpdate, what: 'url' | 'credentials' | 'removed') => {
    setBusy(true);
    setOutcome(null);
    try {
      const saved = await updateCameraStream(camera.id, patch);
      onSaved(saved);
      setOutcome({ kind: 'saved', what });
      // The password leaves the page once it is stored, also when it came inside an address (the server splits it off).
      setUrl(saved.rtspUrl ?? '');
      setUsername('');
      setPassword('');
    } catch (error) {
      setOutcome({ kind: 'failed', error });
    } finally {
      setBusy(false);
    }
  };
  const saveUrl = (e: FormEvent) => {
    e.preventDefault();
    void save({ rtspUrl: url.trim() }, 'url');
  };
  const saveCredentials = (e: FormEvent) => {
    e.preventDefault();
    void save({ rtspCredentials: { username, password } }, 'credentials');
  };

  return (
    <div className="stream-settings" data-testid="stream-settings">
      <form className="setup-form" onSubmit={saveUrl}>
        <label>
          {t('setup.stream.url')}
          <input
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="rtsp://192.168.1.20:554/stream1"
            spellCheck={false}
            autoComplete="off"
            data-testid="stream-url"
          />
        </label>
        <p className="setup-hint">{t('setup.stream.urlHint')}</p>
        <div className="setup-actions">
          <button type="submit" className="button" disabled={busy || url.trim() === '' || url.trim() === camera.rtspUrl} data-testid="stream-url-save">
            {t('setup.stream.saveUrl')}
          </button>
        </div>
      </form>

      <form className="setup-form" onSubmit={saveCredentials} autoComplete="off">
        <p data-testid="stream-credentials-state" data-set={camera.rtspCredentialsSet ? 'true' : 'false'}>
          {camera.rtspCredentialsSet ? t('setup.stream.credentialsSet') : t('setup.stream.credentialsNotSet')}
        </p>
        <label>
          {t('setup.stream.username')}
          <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" data-testid="stream-username" />
        </label>
        <label>
          {t('setup.stream.password')}
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="new-password"
            data-testid="stream-password"
          />
        </label>
        <div className="setup-actions">
          <button type="submit" className="button" disabled={busy || username === ''} data-testid="stream-credentials-save">
            {camera.rtspCredentialsSet ? t('setup.stream.replaceCredentials') : t('setup.stream.setCredentials')}
          </button>
          {camera.rtspCredentialsSet && (
            <button
              type="button"
              className="button secondary danger"
              disabled={busy}
              onClick={() => void save({ rtspCredentials: null }, 'removed')}
              data-testid="stream-credentials-remove"
            >
              {t('setup.stream.removeCredentials')}
            </button>
          )}
        </div>
      </form>

      {outcome?.kind === 'saved' && (
        <p className="setup-ok" role="status" data-testid="stream-saved">
          {t(`setup.stream.saved.${outcome.what}`)}
        </p>
      )}
      {outcome?.kind === 'failed' && (
        <p className="setup-error" role="alert" data-testid="stream-error">
          {outcome.error instanceof ApiError ? outcome.error.localizedMessage(language) : t('setup.networkError')}
        </p>
      )}
    </div>
  );
}
