// Recording health per camera, beside the analytics health the camera page shows: what the recorder says, the newest
// footage, bitrate, gaps today, how much is kept and will be kept, the retention range; problems stand out.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Camera, RecordingHealth } from '@toc/server/schemas';
import { cameraStatusKey, recordingStateKey } from '../format/labels';
import type { TranslationKey } from '../i18n/en';
import { en } from '../i18n/en';
import { formatListTime, formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { playbackHref } from '../playback/playback-route';
import { formatBitrate, formatBytes, roundDays } from './recording-figures';
import { recordingView, type CameraRecordingView } from './recording-flags';

interface HealthTableProps {
  cameras: readonly RecordingHealth[];
  cameraOf: (cameraId: number) => Camera | undefined;
  nameOf: (cameraId: number) => string;
  now: number;
}

/** The recorder's fixed reasons (English in its report) in the reader's language. */
const WORKER_REASONS: Record<string, TranslationKey> = {
  'recording disabled for this camera': 'recordings.workerReason.disabled',
  'RECORDINGS_DIR is not set': 'recordings.workerReason.noDir',
};

/** The cleaner's pause reasons and the recorder's fixed ones have words here; any other text is shown as it came. */
function reasonText(reason: string, t: TFunction): string {
  const key = `recordings.pausedReason.${reason}`;
  if (key in en) return t(key as TranslationKey);
  const known = WORKER_REASONS[reason];
  return known ? t(known) : reason;
}

function StateCell({ view, enabled }: { view: CameraRecordingView; enabled: boolean }) {
  const { t } = useTranslation();
  const state = view.state ?? (enabled ? null : 'off');
  // The badge already says "error" or "paused": the list adds what it does not.
  const shownProblems = view.problems.filter((p) => p !== state);
  return (
    <td data-testid="recording-state" data-state={view.state ?? ''}>
      <span className={`pill recordings-badge state-${state ?? 'unknown'}`}>
        {state ? t(recordingStateKey(state)) : t('recordings.health.noReport')}
      </span>
      {view.pausedReason && (
        <div className="panel-note" data-testid="recording-paused-reason">
          {reasonText(view.pausedReason, t)}
        </div>
      )}
      {/* A recorder paused by the cleaner reports the pause's own reason: said once. */}
      {view.reason && view.reason !== view.pausedReason && (
        <div className="panel-note" data-testid="recording-reason">
          {reasonText(view.reason, t)}
        </div>
      )}
      {shownProblems.length > 0 && (
        <ul className="recording-problems" data-testid="recording-problems">
          {shownProblems.map((problem) => (
            <li key={problem} data-problem={problem}>
              {t(`recordings.problem.${problem}`)}
            </li>
          ))}
        </ul>
      )}
    </td>
  );
}

export function RecordingHealthTable({ cameras, cameraOf, nameOf, now }: HealthTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const views = cameras.map((health) => ({
    health,
    view: recordingView(health, cameraOf(health.cameraId)?.health?.recording, now),
  }));
  const attention = views.filter(({ view }) => view.level !== 'ok').length;
  const n = (value: number) => formatNumber(value, language);
  return (
    <section className="page-card" data-testid="recording-health">
      <h3>
        {t('recordings.health.title')}{' '}
        <span
          className={`pill recordings-badge ${attention > 0 ? 'problem' : 'ok'}`}
          data-testid="recording-attention"
          data-count={attention}
        >
          {attention > 0
            ? t('recordings.health.attention', { n: attention })
            : t('recordings.health.allGood')}
        </span>
      </h3>
      {cameras.length === 0 ? (
        <p className="panel-note">{t('recordings.noCameras')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table recordings-table health-table">
            <thead>
              <tr>
                <th>{t('recordings.col.camera')}</th>
                <th>{t('recordings.col.state')}</th>
                <th>{t('recordings.col.lastSegment')}</th>
                <th className="num">{t('recordings.col.bitrate')}</th>
                <th className="num">{t('recordings.col.gapsToday')}</th>
                <th className="num">{t('recordings.col.kept')}</th>
                <th className="num">{t('recordings.col.forecast')}</th>
                <th className="num">{t('recordings.col.keepRange')}</th>
                <th className="num">{t('recordings.col.priority')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {views.map(({ health, view }) => {
                const camera = cameraOf(health.cameraId);
                return (
                  <tr
                    key={health.cameraId}
                    className={`flag-${view.level}`}
                    data-testid="recording-health-row"
                    data-camera-id={health.cameraId}
                    data-level={view.level}
                    data-problems={view.problems.join(' ')}
                  >
                    <td>
                      <span className="recordings-camera-name">{nameOf(health.cameraId)}</span>
                      {camera && <div className="panel-note">{t(cameraStatusKey(camera.status))}</div>}
                    </td>
                    <StateCell view={view} enabled={health.enabled} />
                    <td data-testid="recording-last-segment">
                      {view.lastSegmentAt
                        ? formatListTime(view.lastSegmentAt, language, new Date(now))
                        : t('recordings.health.never')}
                    </td>
                    <td className="num">{formatBitrate(health.bitrateKbps, language)}</td>
                    <td
                      className={health.gapsToday > 0 ? 'num attention' : 'num'}
                      data-testid="recording-gaps"
                    >
                      {n(health.gapsToday)}
                    </td>
                    <td className="num">
                      {t('recordings.days', { n: n(roundDays(health.daysHeld)) })}
                      <div className="panel-note">{formatBytes(health.bytesHeld, language)}</div>
                    </td>
                    <td
                      className={view.problems.includes('short') ? 'num attention' : 'num'}
                      data-testid="recording-forecast"
                    >
                      {t('recordings.days', { n: n(roundDays(health.daysForecast)) })}
                    </td>
                    <td className="num">
                      {t('recordings.keepRange', { min: n(health.minDays), max: n(health.maxDays) })}
                    </td>
                    <td className="num">{n(health.priority)}</td>
                    <td>
                      <a
                        href={playbackHref({ cameraId: health.cameraId })}
                        className="button secondary compact"
                        data-testid="recording-playback"
                      >
                        {t('recordings.health.play')}
                      </a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
