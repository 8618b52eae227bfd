// A proposed camera's recorded picture at an instant of the window, with its loading and "no picture: why" states.
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { failureOf, failureText } from '../account/api-failure';
import { formatDateTime } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { useStill } from './use-still';

interface CameraStillProps {
  requestId: number;
  cameraId: number;
  at: number;
  name: string;
}

export function CameraStill({ requestId, cameraId, at, name }: CameraStillProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const ref = useRef<HTMLElement>(null);
  const still = useStill(ref, requestId, cameraId, at);
  const time = formatDateTime(new Date(at), language);

  return (
    <figure
      ref={ref}
      className={`finder-still state-${still.status}`}
      data-testid="finder-still"
      data-state={still.status}
      data-at={new Date(at).toISOString()}
    >
      {still.status === 'loaded' ? (
        <img src={still.url} alt={t('finder.still.alt', { name, time })} />
      ) : (
        <div className="finder-still-placeholder" role={still.status === 'failed' ? 'status' : undefined}>
          {still.status === 'failed'
            ? t('finder.still.failed', {
                reason: failureText(failureOf(still.error, 'finder.failedUnknown'), t, language),
              })
            : t('finder.still.loading')}
        </div>
      )}
      <figcaption>{t('finder.still.at', { time })}</figcaption>
    </figure>
  );
}
