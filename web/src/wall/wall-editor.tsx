// The wall layout form (operators and admins): names, rows, columns, seconds per group, and the camera groups.
// The server checks the layout; its reason is shown in the UI language when it refuses.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { WALL_LIMITS, type Camera, type Wall, type WallGroup, type WallInput } from '@toc/server/schemas';
import { ApiError } from '../api/api-error';
import { formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { saveWall, wallInput } from './wall.api';

interface WallEditorProps {
  wall: Wall;
  cameras: readonly Camera[];
  onSaved: (wall: Wall) => void;
  onClose: () => void;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

export function WallEditor({ wall, cameras, onSaved, onClose }: WallEditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [draft, setDraft] = useState<WallInput>(() => wallInput(wall));
  // Kept as typed, so an empty or odd value reaches the server and gets its reason back.
  const [cycle, setCycle] = useState(String(wall.cycleSeconds));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const setGroup = (index: number, change: Partial<WallGroup>) =>
    setDraft((d) => ({ ...d, groups: d.groups.map((g, i) => (i === index ? { ...g, ...change } : g)) }));
  const toggleCamera = (index: number, cameraId: number, on: boolean) => {
    const ids = draft.groups[index]!.cameraIds.filter((id) => id !== cameraId);
    setGroup(index, { cameraIds: on ? [...ids, cameraId] : ids });
  };
  const addGroup = () =>
    setDraft((d) => ({ ...d, groups: [...d.groups, { name: `Group ${d.groups.length + 1}`, nameTh: `กลุ่ม ${d.groups.length + 1}`, cameraIds: [] }] }));
  const removeGroup = (index: number) => setDraft((d) => ({ ...d, groups: d.groups.filter((_, i) => i !== index) }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      onSaved(await saveWall(wall.id, { ...draft, cycleSeconds: cycle.trim() === '' ? Number.NaN : Number(cycle) }));
    } catch (err) {
      setError(err instanceof ApiError ? err.localizedMessage(language) : t('wall.saveFailed'));
    } finally {
      setSaving(false);
    }
  };

  const tiles = draft.rows * draft.cols;
  return (
    <div className="wall-editor-backdrop">
      <form className="wall-editor" role="dialog" aria-modal="true" aria-labelledby="wall-editor-title" noValidate onSubmit={(e) => void submit(e)} onKeyDown={(e) => e.key === 'Escape' && onClose()} data-testid="wall-editor">
        <h2 id="wall-editor-title">{t('wall.editTitle')}</h2>
        <div className="wall-editor-fields">
          <label>
            {t('wall.nameEn')}
            <input value={draft.name} maxLength={80} onChange={(e) => setDraft({ ...draft, name: e.target.value })} data-testid="wall-editor-name" />
          </label>
          <label>
            {t('wall.nameTh')}
            <input value={draft.nameTh} maxLength={80} onChange={(e) => setDraft({ ...draft, nameTh: e.target.value })} data-testid="wall-editor-name-th" />
          </label>
          <label>
            {t('wall.rows')}
            <select value={draft.rows} onChange={(e) => setDraft({ ...draft, rows: Number(e.target.value) })} data-testid="wall-editor-rows">
              {range(WALL_LIMITS.maxRows).map((n) => (
                <option key={n} value={n}>
                  {formatNumber(n, language)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('wall.cols')}
            <select value={draft.cols} onChange={(e) => setDraft({ ...draft, cols: Number(e.target.value) })} data-testid="wall-editor-cols">
              {range(WALL_LIMITS.maxCols).map((n) => (
                <option key={n} value={n}>
                  {formatNumber(n, language)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('wall.cycleSeconds')}
            <input type="number" inputMode="numeric" min={0} max={WALL_LIMITS.maxCycleSeconds} value={cycle} onChange={(e) => setCycle(e.target.value)} data-testid="wall-editor-cycle" />
          </label>
        </div>
        <p className="wall-editor-hint">{t('wall.cycleHint', { min: WALL_LIMITS.minCycleSeconds, max: WALL_LIMITS.maxCycleSeconds })}</p>

        <h3>{t('wall.groups')}</h3>
        <div className="wall-editor-groups">
          {draft.groups.map((group, index) => (
            <fieldset key={index} className="wall-editor-group" data-testid="wall-editor-group">
              <div className="wall-editor-fields">
                <label>
                  {t('wall.groupNameEn')}
                  <input value={group.name} maxLength={80} onChange={(e) => setGroup(index, { name: e.target.value })} />
                </label>
                <label>
                  {t('wall.groupNameTh')}
                  <input value={group.nameTh} maxLength={80} onChange={(e) => setGroup(index, { nameTh: e.target.value })} />
                </label>
                <button type="button" className="button ghost" disabled={draft.groups.length <= 1} onClick={() => removeGroup(index)}>
                  {t('wall.removeGroup')}
                </button>
              </div>
              <div className="wall-editor-cameras">
                {cameras.map((camera) => (
                  <label key={camera.id} className="wall-editor-camera">
                    <input
                      type="checkbox"
                      checked={group.cameraIds.includes(camera.id)}
                      onChange={(e) => toggleCamera(index, camera.id, e.target.checked)}
                      data-testid="wall-editor-camera"
                      data-camera-id={camera.id}
                    />
                    {language === 'th' ? camera.nameTh : camera.name}
                  </label>
                ))}
              </div>
              {group.cameraIds.length > tiles && (
                <p className="wall-editor-hint">{t('wall.tooManyCameras', { n: formatNumber(group.cameraIds.length, language), tiles: formatNumber(tiles, language) })}</p>
              )}
            </fieldset>
          ))}
        </div>
        <button type="button" className="button secondary" disabled={draft.groups.length >= WALL_LIMITS.maxGroups} onClick={addGroup}>
          {t('wall.addGroup')}
        </button>

        {error && (
          <p className="wall-editor-error" role="alert" data-testid="wall-editor-error">
            {error}
          </p>
        )}
        <div className="wall-editor-actions">
          <button type="button" className="button secondary" onClick={onClose} data-testid="wall-editor-cancel">
            {t('wall.cancel')}
          </button>
          <button type="submit" className="button" disabled={saving} data-testid="wall-editor-save">
            {saving ? t('wall.saving') : t('wall.save')}
          </button>
        </div>
      </form>
    </div>
  );
}
