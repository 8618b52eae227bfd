// One change for the cameras ticked in the retention table (a camera group): each camera is saved on its own, and a
// refusal names its camera with the server's reason.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CameraRecordingSettings } from '@toc/server/schemas';
import { failureOf, failureText, type Failure } from '../account/api-failure';
import { formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { applyBulk, EMPTY_BULK, isBulkEmpty, type BulkChange } from './retention-draft';

interface RetentionBulkProps {
  selected: readonly { cameraId: number; name: string; settings: CameraRecordingSettings }[];
  onSave: (cameraId: number, settings: CameraRecordingSettings) => Promise<void>;
}

type Outcome = { saved: number; failed: { name: string; failure: Failure }[] };

export function RetentionBulk({ selected, onSave }: RetentionBulkProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [change, setChange] = useState<BulkChange>(EMPTY_BULK);
  const [applying, setApplying] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [problem, setProblem] = useState<'nothing' | 'notNumber' | null>(null);
  const set = (part: Partial<BulkChange>) => {
    setChange({ ...change, ...part });
    setProblem(null);
  };

  const apply = async () => {
    if (isBulkEmpty(change)) return setProblem('nothing');
    const planned = selected.map((camera) => ({ ...camera, next: applyBulk(camera.settings, change) }));
    if (planned.some((p) => p.next === null)) return setProblem('notNumber');
    setApplying(true);
    setOutcome(null);
    const result: Outcome = { saved: 0, failed: [] };
    // One at a time: each save is its own audited change, and a refusal should not stop the others.
    for (const camera of planned) {
      try {
        await onSave(camera.cameraId, camera.next!);
        result.saved += 1;
      } catch (error) {
        result.failed.push({ name: camera.name, failure: failureOf(error, 'recordings.offline') });
      }
    }
    setApplying(false);
    setOutcome(result);
    if (result.failed.length === 0) setChange(EMPTY_BULK);
  };

  const count = selected.length;
  return (
    <div className="retention-bulk" data-testid="retention-bulk">
      <strong>{t('recordings.bulk.title', { n: formatNumber(count, language) })}</strong>
      <label>
        {t('recordings.retention.enabled')}
        <select
          value={change.enabled}
          onChange={(e) => set({ enabled: e.target.value as BulkChange['enabled'] })}
          data-testid="bulk-enabled"
        >
          <option value="keep">{t('recordings.bulk.keep')}</option>
          <option value="on">{t('recordings.retention.on')}</option>
          <option value="off">{t('recordings.retention.off')}</option>
        </select>
      </label>
      {(['minDays', 'maxDays', 'priority'] as const).map((field) => (
        <label key={field}>
          {t(`recordings.retention.${field}`)}
          <input
            type="number"
            min={0}
            step={field === 'priority' ? 1 : 'any'}
            value={change[field]}
            placeholder={t('recordings.bulk.keep')}
            onChange={(e) => set({ [field]: e.target.value })}
            data-testid={`bulk-${field === 'minDays' ? 'min-days' : field === 'maxDays' ? 'max-days' : 'priority'}`}
          />
        </label>
      ))}
      <button
        type="button"
        className="button compact"
        disabled={count === 0 || applying}
        onClick={() => void apply()}
        data-testid="bulk-apply"
      >
        {t('recordings.bulk.apply', { n: formatNumber(count, language) })}
      </button>
      {count === 0 && <span className="panel-note">{t('recordings.bulk.hint')}</span>}
      {problem && (
        <p className="panel-note error" role="alert" data-testid="bulk-problem">
          {t(problem === 'nothing' ? 'recordings.bulk.nothing' : 'recordings.retention.notNumber')}
        </p>
      )}
      {outcome && (
        <div
          className="bulk-outcome"
          role="status"
          data-testid="bulk-result"
          data-saved={outcome.saved}
          data-failed={outcome.failed.length}
        >
          {outcome.saved > 0 && (
            <p>{t('recordings.bulk.done', { n: formatNumber(outcome.saved, language) })}</p>
          )}
          {outcome.failed.map(({ name, failure }) => (
            <p key={name} className="panel-note error">
              {t('recordings.bulk.failedFor', { name, reason: failureText(failure, t, language) })}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}
