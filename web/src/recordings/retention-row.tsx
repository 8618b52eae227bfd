// One camera's retention settings: read-only for operators; for admins, edited in place and saved on their own, with
// the server's reason when it refuses them. An untouched row follows the figures as they refresh.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CameraRecordingSettings } from '@toc/server/schemas';
import { failureOf, failureText, type Failure } from '../account/api-failure';
import { formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { draftOf, isChanged, settingsOf, type RetentionDraft } from './retention-draft';

interface RetentionRowProps {
  cameraId: number;
  name: string;
  settings: CameraRecordingSettings;
  editable: boolean;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  onSave: (settings: CameraRecordingSettings) => Promise<void>;
}

/** One editable number of a row: days or priority, kept as typed until saved. */
function NumberCell(props: {
  value: string;
  max: number;
  step?: number | 'any';
  onChange: (value: string) => void;
  label: string;
  testId: string;
}) {
  return (
    <td className="num">
      <input
        type="number"
        min={0}
        max={props.max}
        step={props.step ?? 'any'}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-label={props.label}
        data-testid={props.testId}
      />
    </td>
  );
}

export function RetentionRow({
  cameraId,
  name,
  settings,
  editable,
  selected,
  onSelect,
  onSave,
}: RetentionRowProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  // Null until the admin types: the row then shows the server's values as they refresh.
  const [draft, setDraft] = useState<RetentionDraft | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saved, setSaved] = useState(false);
  const shown = draft ?? draftOf(settings);
  const n = (value: number) => formatNumber(value, language);
  const rowData = {
    'data-testid': 'retention-row',
    'data-camera-id': cameraId,
    'data-enabled': settings.enabled,
    'data-min-days': settings.minDays,
    'data-max-days': settings.maxDays,
    'data-priority': settings.priority,
  };

  if (!editable) {
    return (
      <tr {...rowData}>
        <td>{name}</td>
        <td data-testid="retention-enabled-text">
          {settings.enabled ? t('recordings.retention.on') : t('recordings.retention.off')}
        </td>
        <td className="num">{t('recordings.days', { n: n(settings.minDays) })}</td>
        <td className="num">{t('recordings.days', { n: n(settings.maxDays) })}</td>
        <td className="num">{n(settings.priority)}</td>
      </tr>
    );
  }

  const edit = (change: Partial<RetentionDraft>) => {
    setDraft({ ...shown, ...change });
    setSaved(false);
  };
  const save = async () => {
    const next = settingsOf(shown);
    if (!next) {
      setFailure({ key: 'recordings.retention.notNumber' });
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      await onSave(next);
      setDraft(null);
      setSaved(true);
    } catch (error) {
      setFailure(failureOf(error, 'recordings.offline'));
    } finally {
      setSaving(false);
    }
  };
  const changed = draft !== null && isChanged(draft, settings);
  const label = (field: string) => `${name}: ${field}`;

  return (
    <tr {...rowData} className={selected ? 'selected' : undefined}>
      <td>
        <input
          type="checkbox"
          checked={selected}
          onChange={(e) => onSelect(e.target.checked)}
          aria-label={t('recordings.retention.select', { name })}
          data-testid="retention-select"
        />
      </td>
      <td>{name}</td>
      <td>
        <input
          type="checkbox"
          checked={shown.enabled}
          onChange={(e) => edit({ enabled: e.target.checked })}
          aria-label={label(t('recordings.retention.enabled'))}
          data-testid="retention-enabled"
        />
      </td>
      <NumberCell
        value={shown.minDays}
        max={3650}
        onChange={(minDays) => edit({ minDays })}
        label={label(t('recordings.retention.minDays'))}
        testId="retention-min-days"
      />
      <NumberCell
        value={shown.maxDays}
        max={3650}
        onChange={(maxDays) => edit({ maxDays })}
        label={label(t('recordings.retention.maxDays'))}
        testId="retention-max-days"
      />
      <NumberCell
        value={shown.priority}
        max={100}
        step={1}
        onChange={(priority) => edit({ priority })}
        label={label(t('recordings.retention.priority'))}
        testId="retention-priority"
      />
      <td className="retention-actions">
        <button
          type="button"
          className="button compact"
          disabled={!changed || saving}
          onClick={() => void save()}
          data-testid="retention-save"
        >
          {t('recordings.retention.save')}
        </button>
        {draft !== null && (
          <button
            type="button"
            className="button ghost compact"
            disabled={saving}
            onClick={() => {
              setDraft(null);
              setFailure(null);
            }}
            data-testid="retention-undo"
          >
            {t('recordings.retention.undo')}
          </button>
        )}
        {saved && (
          <span className="retention-saved" role="status" data-testid="retention-saved">
            {t('recordings.retention.saved')}
          </span>
        )}
        {failure && (
          <div className="panel-note error" role="alert" data-testid="retention-error">
            {failureText(failure, t, language)}
          </div>
        )}
      </td>
    </tr>
  );
}
