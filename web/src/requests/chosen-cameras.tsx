// The cameras picked for the request, each with its own window inside the request's, and who picked it.
import { useTranslation } from 'react-i18next';
import type { FootageRequest } from '@toc/server/schemas';
import { formatDateTime } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';

export function ChosenCameras({ request }: { request: FootageRequest }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="page-card" data-testid="request-cameras" data-count={request.cameras.length}>
      <h3>{t('requests.cameras.title')}</h3>
      {request.cameras.length === 0 ? (
        <p className="panel-note" data-testid="request-cameras-empty">
          {t('requests.cameras.none')}
        </p>
      ) : (
        <table className="data-table requests-table">
          <thead>
            <tr>
              <th>{t('requests.cameras.camera')}</th>
              <th>{t('requests.detail.window')}</th>
              <th>{t('requests.cameras.chosenBy')}</th>
            </tr>
          </thead>
          <tbody>
            {request.cameras.map((camera) => (
              <tr key={camera.cameraId} data-testid="request-camera-row" data-camera-id={camera.cameraId}>
                <td>{language === 'th' ? camera.nameTh : camera.name}</td>
                <td>
                  {formatDateTime(camera.from, language)}
                  <div>– {formatDateTime(camera.to, language)}</div>
                </td>
                <td>{camera.chosenBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
