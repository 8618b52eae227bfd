// An admin places an evidence hold: a camera, a past period in Bangkok time (or the last minutes at a click), the
// reason, and optionally a case number and an expiry. The server checks the period and says why in Thai or English.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { failureOf, failureText, type Failure } from '../account/api-failure';
import { createEvidenceHold } from '../api/evidence-holds.api';
import { useLanguage } from '../i18n/use-language';
import { emptyHoldDraft, holdInputOf, lastMinutes, type HoldDraft } from './hold-draft';

interface HoldFormProps {
  cameraIds: readonly number[];
  nameOf: (cameraId: number) => string;
  onCreated: () => void;
  onCancel: () => void;
}

const PRESETS = [
  { minutes: 10, key: 'recordings.holdForm.last10', testId: 'hold-last-10min' },
  { minutes: 60, key: 'recordings.holdForm.last60', testId: 'hold-last-hour' },
] as const;

export function HoldForm({ cameraIds, nameOf, onCreated, onCancel }: HoldFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [draft, setDraft] = useState<HoldDraft>(() => emptyHoldDraft(null));
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const set = (part: Partial<HoldDraft>) => setDraft((d) => ({ ...d, ...part }));
  // The camera list may arrive after the form opened: until one is picked, the first camera is the one shown.
  const cameraId = draft.cameraId || (cameraIds[0] === undefined ? '' : String(cameraIds[0]));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = holdInputOf({ ...draft, cameraId });
    if (typeof input === 'string') {
      setFailure({ key: `recordings.holdForm.problem.${input}` });
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      await createEvidenceHold(input);
      onCreated();
    } catch (error) {
      setFailure(failureOf(error, 'recordings.offline'));
    } finally {
      setSaving(false);
    }
  };

  const dateTime = (which: 'from' | 'to' | 'expires', label: string) => (
    <fieldset className="hold-when">
      <legend>{label}</legend>
      <input
        type="date"
        value={draft[`${which}Date`]}
        onChange={(e) => set({ [`${which}Date`]: e.target.value })}
        aria-label={`${label}: ${t('recordings.holdForm.date')}`}
        data-testid={`hold-${which}-date`}
      />
      <input
        type="time"
        value={draft[`${which}Time`]}
        onChange={(e) => set({ [`${which}Time`]: e.target.value })}
        aria-label={`${label}: ${t('recordings.holdForm.time')}`}
        data-testid={`hold-${which}-time`}
      />
    </fieldset>
  );

  return (
    <form className="hold-form" onSubmit={(e) => void submit(e)} data-testid="hold-form" noValidate>
      <h4>{t('recordings.holdForm.title')}</h4>
      <div className="hold-form-grid">
        <label>
          {t('recordings.col.camera')}
          <select
            value={cameraId}
            onChange={(e) => set({ cameraId: e.target.value })}
            data-testid="hold-camera"
          >
            {cameraIds.map((id) => (
              <option key={id} value={id}>
                {nameOf(id)}
              </option>
            ))}
          </select>
        </label>
        {dateTime('from', t('recordings.holdForm.from'))}
        {dateTime('to', t('recordings.holdForm.to'))}
        <div className="hold-presets">
          {PRESETS.map((preset) => (
            <button
              key={preset.minutes}
              type="button"
              className="button secondary compact"
              onClick={() => set(lastMinutes(new Date(), preset.minutes))}
              data-testid={preset.testId}
            >
              {t(preset.key)}
            </button>
          ))}
          <span className="panel-note">{t('playback.timeZone')}</span>
        </div>
        <label className="hold-reason">
          {t('recordings.holdForm.reason')}
          <input
            type="text"
            maxLength={1000}
            value={draft.reason}
            onChange={(e) => set({ reason: e.target.value })}
            data-testid="hold-reason"
          />
        </label>
        <label>
          {t('recordings.holdForm.caseNumber')}
          <input
            type="text"
            maxLength={100}
            value={draft.caseNumber}
            onChange={(e) => set({ caseNumber: e.target.value })}
            data-testid="hold-case-number"
          />
        </label>
        {dateTime('expires', t('recordings.holdForm.expires'))}
      </div>
      {failure && (
        <p className="panel-note error" role="alert" data-testid="hold-form-error">
          {failureText(failure, t, language)}
        </p>
      )}
      <div className="hold-form-actions">
        <button type="submit" className="button" disabled={saving} data-testid="hold-create">
          {t('recordings.holdForm.submit')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel} data-testid="hold-form-cancel">
          {t('recordings.cancel')}
        </button>
      </div>
    </form>
  );
}
