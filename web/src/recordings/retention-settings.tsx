// Retention per camera: how long footage is kept at least (the legal minimum) and at most, whether the camera is
// recorded, and which cameras stop first when only protected footage is left. Admins edit; operators read.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CameraRecordingSettings, RecordingHealth } from '@toc/server/schemas';
import { saveRecordingSettings } from '../api/recording-admin.api';
import { RetentionBulk } from './retention-bulk';
import { RetentionRow } from './retention-row';

interface RetentionSettingsProps {
  cameras: readonly RecordingHealth[];
  nameOf: (cameraId: number) => string;
  editable: boolean;
  /** A camera's settings were saved: show them now and fetch the figures again. */
  onSaved: (cameraId: number, settings: CameraRecordingSettings) => void;
}

const settingsOf = (c: RecordingHealth): CameraRecordingSettings => ({
  enabled: c.enabled,
  minDays: c.minDays,
  maxDays: c.maxDays,
  priority: c.priority,
});

export function RetentionSettings({ cameras, nameOf, editable, onSaved }: RetentionSettingsProps) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<ReadonlySet<number>>(() => new Set());
  const select = (cameraId: number, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(cameraId);
      else next.delete(cameraId);
      return next;
    });
  const present = cameras.filter((c) => selected.has(c.cameraId));
  const allSelected = cameras.length > 0 && present.length === cameras.length;

  const save = async (cameraId: number, settings: CameraRecordingSettings) => {
    const saved = await saveRecordingSettings(cameraId, settings);
    onSaved(cameraId, saved);
  };

  return (
    <section className="page-card" data-testid="retention-settings" data-editable={editable}>
      <h3>{t('recordings.retention.title')}</h3>
      <p className="panel-note">{t('recordings.retention.intro')}</p>
      {!editable && (
        <p className="panel-note" data-testid="retention-read-only">
          {t('recordings.retention.readOnly')}
        </p>
      )}
      {editable && (
        <RetentionBulk
          selected={present.map((c) => ({
            cameraId: c.cameraId,
            name: nameOf(c.cameraId),
            settings: settingsOf(c),
          }))}
          onSave={save}
        />
      )}
      <div className="table-scroll">
        <table className="data-table recordings-table retention-table">
          <thead>
            <tr>
              {editable && (
                <th>
                  <input
                    type="checkbox"
                    checked={allSelected}
                    onChange={(e) =>
                      setSelected(e.target.checked ? new Set(cameras.map((c) => c.cameraId)) : new Set())
                    }
                    aria-label={t('recordings.retention.selectAll')}
                    data-testid="retention-select-all"
                  />
                </th>
              )}
              <th>{t('recordings.col.camera')}</th>
              <th>{t('recordings.retention.enabled')}</th>
              <th className="num">{t('recordings.retention.minDays')}</th>
              <th className="num">{t('recordings.retention.maxDays')}</th>
              <th className="num">{t('recordings.retention.priority')}</th>
              {editable && <th />}
            </tr>
          </thead>
          <tbody>
            {cameras.map((camera) => (
              <RetentionRow
                key={camera.cameraId}
                cameraId={camera.cameraId}
                name={nameOf(camera.cameraId)}
                settings={settingsOf(camera)}
                editable={editable}
                selected={selected.has(camera.cameraId)}
                onSelect={(on) => select(camera.cameraId, on)}
                onSave={(settings) => save(camera.cameraId, settings)}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
