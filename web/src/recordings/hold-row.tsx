// One evidence hold: camera, period, reason, case, expiry, who placed it and when, the footage it holds, and its
// release. Releasing asks for the reason and a second click, since retention may then delete the footage.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceHold } from '@toc/server/schemas';
import { failureOf, failureText, type Failure } from '../account/api-failure';
import { releaseEvidenceHold } from '../api/evidence-holds.api';
import { formatDateTime } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { playbackHref } from '../playback/playback-route';
import { holdStatus } from './hold-status';
import { formatBytes } from './recording-figures';

interface HoldRowProps {
  hold: EvidenceHold;
  name: string;
  editable: boolean;
  now: number;
  onReleased: () => void;
}

export function HoldRow({ hold, name, editable, now, onReleased }: HoldRowProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [releasing, setReleasing] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const status = holdStatus(hold, now);
  const time = (iso: string) => formatDateTime(iso, language);

  const release = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await releaseEvidenceHold(hold.id, reason.trim());
      setReleasing(false);
      onReleased();
    } catch (error) {
      setFailure(failureOf(error, 'recordings.offline'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <tr
      className={`hold-${status}`}
      data-testid="hold-row"
      data-hold-id={hold.id}
      data-camera-id={hold.cameraId}
      data-status={status}
      data-released={hold.releasedAt !== null}
    >
      <td>
        <span className="recordings-camera-name">{name}</span>
        <div className="panel-note">#{hold.id}</div>
      </td>
      <td data-testid="hold-period">
        {time(hold.from)}
        <div>– {time(hold.to)}</div>
      </td>
      <td className="hold-reason-text" data-testid="hold-reason-text">
        {hold.reason}
        {hold.caseNumber && (
          <div className="panel-note" data-testid="hold-case">
            {t('recordings.holds.case', { caseNumber: hold.caseNumber })}
          </div>
        )}
      </td>
      <td data-testid="hold-expires">
        {hold.expiresAt ? time(hold.expiresAt) : t('recordings.holds.untilReleased')}
      </td>
      <td>
        {hold.createdBy}
        <div className="panel-note">{time(hold.createdAt)}</div>
      </td>
      <td className="num" data-testid="hold-bytes" data-bytes={hold.bytes}>
        {formatBytes(hold.bytes, language)}
      </td>
      <td data-testid="hold-status">
        <span className={`pill recordings-badge hold-badge-${status}`}>
          {t(`recordings.holds.status.${status}`)}
        </span>
        {hold.releasedAt && (
          <div className="panel-note" data-testid="hold-released">
            {t('recordings.holds.releasedBy', { user: hold.releasedBy ?? '—', time: time(hold.releasedAt) })}
            {hold.releaseReason && <div>{hold.releaseReason}</div>}
          </div>
        )}
      </td>
      <td className="hold-actions">
        <a
          href={playbackHref({ cameraId: hold.cameraId, at: Date.parse(hold.from) })}
          className="button secondary compact"
          data-testid="hold-play"
        >
          {t('recordings.holds.play')}
        </a>
        {editable && status === 'inForce' && !releasing && (
          <button
            type="button"
            className="button secondary compact"
            onClick={() => setReleasing(true)}
            data-testid="hold-release"
          >
            {t('recordings.holds.release')}
          </button>
        )}
        {releasing && (
          <div
            className="hold-release"
            role="group"
            aria-label={t('recordings.holds.releaseTitle', { id: hold.id })}
          >
            <span className="panel-note">{t('recordings.holds.releaseWarning')}</span>
            <input
              type="text"
              maxLength={1000}
              value={reason}
              placeholder={t('recordings.holds.releaseReason')}
              aria-label={t('recordings.holds.releaseReason')}
              onChange={(e) => setReason(e.target.value)}
              data-testid="hold-release-reason"
            />
            <div className="hold-release-buttons">
              <button
                type="button"
                className="button danger compact"
                disabled={busy || reason.trim() === ''}
                onClick={() => void release()}
                data-testid="hold-release-confirm"
              >
                {t('recordings.holds.releaseConfirm', { id: hold.id })}
              </button>
              <button
                type="button"
                className="button ghost compact"
                disabled={busy}
                onClick={() => {
                  setReleasing(false);
                  setFailure(null);
                }}
                data-testid="hold-release-cancel"
              >
                {t('recordings.cancel')}
              </button>
            </div>
          </div>
        )}
        {failure && (
          <div className="panel-note error" role="alert" data-testid="hold-release-error">
            {failureText(failure, t, language)}
          </div>
        )}
      </td>
    </tr>
  );
}
