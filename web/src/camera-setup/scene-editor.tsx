// Zones and counting lines over the camera picture: drawn and edited by admins, shown read-only to everyone else.
import { useEffect, useMemo, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CameraScene, ImagePoint } from '@toc/server/schemas';
import { useLanguage } from '../i18n/use-language';
import { DrawingPreview, DrawingToolbar, useDrawingKeys } from './drawing-tools';
import { FrameSurface } from './frame-surface';
import { nearOnScreen } from './geometry';
import { LineForm, LineShape } from './line-editor';
import { draftFromScene, draftProblems, sceneInput, type SceneDraft } from './scene-draft';
import { editorReducer, initialEditorState } from './scene-editor.state';
import { SceneLists } from './scene-lists';
import { SaveError } from './scene-save-error';
import { saveScene } from './scene.api';
import { ZoneForm, ZoneShape } from './zone-editor';

/** Clicking this close to the first corner closes the zone being drawn. */
const CLOSE_PX = 12;

interface SceneEditorProps {
  cameraId: number;
  scene: CameraScene;
  editable: boolean;
  onSaved: (scene: CameraScene) => void;
}

export function SceneEditor({ cameraId, scene, editable, onSaved }: SceneEditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [state, dispatch] = useReducer(editorReducer, scene, (s) => initialEditorState(draftFromScene(s)));
  const [hover, setHover] = useState<ImagePoint | null>(null);
  const [saving, setSaving] = useState(false);
  /** The refusal with the draft it was about, so each reason names the right zone even after later edits. */
  const [saveError, setSaveError] = useState<{ error: unknown; draft: SceneDraft } | null>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const { draft, tool, selected } = state;
  const problems = useMemo(() => draftProblems(draft), [draft]);
  // The server would refuse them anyway: saving waits until the marked problems are fixed.
  const hasProblems = problems.zones.size + problems.lines.size > 0;

  // A newly loaded or saved scene replaces the draft.
  useEffect(() => dispatch({ type: 'reset', draft: draftFromScene(scene) }), [scene]);
  useDrawingKeys(tool, dispatch);

  const save = async () => {
    setSaving(true);
    setSaveError(null);
    setSavedAt(null);
    try {
      const saved = await saveScene(cameraId, sceneInput(draft));
      setSavedAt(Date.now());
      onSaved(saved);
    } catch (error) {
      setSaveError({ error, draft });
    } finally {
      setSaving(false);
    }
  };
  const cancel = () => {
    setSaveError(null);
    setSavedAt(null);
    dispatch({ type: 'reset', draft: draftFromScene(scene) });
  };

  const selectedZone = selected?.group === 'zones' ? draft.zones.find((z) => z.key === selected.key) : undefined;
  const selectedLine = selected?.group === 'lines' ? draft.lines.find((l) => l.key === selected.key) : undefined;
  const drawing = tool.kind !== 'idle';
  const select = editable && !drawing ? (group: 'zones' | 'lines', key: number) => dispatch({ type: 'select', selection: { group, key } }) : null;

  return (
    <div className="scene-editor" data-testid="scene-editor" data-editable={editable} data-dirty={state.dirty}>
      <div className="setup-main">
        {editable && <DrawingToolbar tool={tool} dispatch={dispatch} />}
        <FrameSurface
          placing={drawing}
          onHover={drawing ? setHover : undefined}
          onPoint={
            editable
              ? (point, size) => {
                  const first = tool.kind === 'zone' ? tool.points[0] : undefined;
                  // Closeness is judged on screen, where the user aims.
                  dispatch({ type: 'click', point, closesZone: first !== undefined && nearOnScreen(first, point, size, CLOSE_PX) });
                }
              : undefined
          }
        >
          {draft.zones.map((zone, index) => (
            <ZoneShape
              key={zone.key}
              zone={zone}
              language={language}
              selected={selected?.key === zone.key}
              problem={problems.zones.has(index)}
              onSelect={select ? () => select('zones', zone.key) : undefined}
              dispatch={editable ? dispatch : undefined}
            />
          ))}
          {draft.lines.map((line, index) => (
            <LineShape
              key={line.key}
              line={line}
              language={language}
              selected={selected?.key === line.key}
              problem={problems.lines.has(index)}
              onSelect={select ? () => select('lines', line.key) : undefined}
              dispatch={editable ? dispatch : undefined}
            />
          ))}
          <DrawingPreview tool={tool} hover={hover} dispatch={dispatch} />
        </FrameSurface>
      </div>

      <aside className="setup-side">
        <SceneLists draft={draft} language={language} selectedKey={selected?.key ?? null} problems={problems} onSelect={select} />
        {editable && selectedZone && (
          <ZoneForm
            zone={selectedZone}
            problems={problems.zones.get(draft.zones.indexOf(selectedZone))}
            language={language}
            drawingDirection={tool.kind === 'direction' && tool.zoneKey === selectedZone.key}
            dispatch={dispatch}
          />
        )}
        {editable && selectedLine && (
          <LineForm line={selectedLine} problems={problems.lines.get(draft.lines.indexOf(selectedLine))} language={language} dispatch={dispatch} />
        )}
        {editable && (
          <div className="setup-actions">
            <button type="button" className="button" disabled={saving || !state.dirty || hasProblems} onClick={() => void save()} data-testid="scene-save">
              {saving ? t('setup.saving') : t('setup.save')}
            </button>
            <button type="button" className="button secondary" disabled={saving || !state.dirty} onClick={cancel} data-testid="scene-cancel">
              {t('setup.cancel')}
            </button>
            {state.dirty && <span className="setup-dirty">{t('setup.unsaved')}</span>}
            {state.dirty && hasProblems && (
              <span className="setup-dirty" data-testid="scene-save-blocked">
                {t('setup.scene.fixProblems')}
              </span>
            )}
            {savedAt !== null && !state.dirty && (
              <span className="setup-ok" role="status" data-testid="scene-saved">
                {t('setup.scene.saved')}
              </span>
            )}
          </div>
        )}
        {saveError && <SaveError error={saveError.error} draft={saveError.draft} language={language} />}
      </aside>
    </div>
  );
}
