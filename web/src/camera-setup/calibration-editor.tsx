// Ground-plane calibration: numbered pairs of a picture point and its map point, checked (error in metres) before saving.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Calibration, Camera } from '@toc/server/schemas';
import { ApiError } from '../api/api-error';
import { formatDateTime, formatNumber } from '../i18n/format';
import type { Language } from '../i18n/i18n';
import { useLanguage } from '../i18n/use-language';
import {
  MIN_PAIRS,
  calibrationDraft,
  clearPending,
  movePair,
  nextStepKey,
  placeGroundPoint,
  placeImagePoint,
  removePair,
  type CalibrationDraft,
} from './calibration-draft';
import { CalibrationMap } from './calibration-map';
import { DragHandle } from './drag-handle';
import { FrameSurface } from './frame-surface';
import { checkCalibration, deleteCalibration, saveCalibration, type CalibrationCheck } from './scene.api';

interface CalibrationEditorProps {
  cameraId: number;
  camera: Pick<Camera, 'location' | 'headingDeg' | 'fovDeg'>;
  saved: Calibration | null;
  editable: boolean;
  onChanged: () => void;
}

type Busy = 'check' | 'save' | 'delete' | null;

const metres = (value: number, language: Language) => formatNumber(Math.round(value * 100) / 100, language);

export function CalibrationEditor({ cameraId, camera, saved, editable, onChanged }: CalibrationEditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [draft, setDraft] = useState<CalibrationDraft>(() => calibrationDraft(saved?.pairs ?? []));
  // The check belongs to the pairs it was made for: any change to the pairs clears it.
  const [check, setCheck] = useState<CalibrationCheck | null>(saved);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);

  // A saved calibration carries its own per-pair errors: shown until the pairs change.
  useEffect(() => {
    setDraft(calibrationDraft(saved?.pairs ?? []));
    setCheck(saved);
  }, [saved]);

  const change = (next: CalibrationDraft) => {
    if (next.pairs !== draft.pairs) {
      setCheck(null);
      setError(null);
    }
    setDraft(next);
  };

  const run = async (what: Exclude<Busy, null>, action: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  };
  const doCheck = () => run('check', async () => setCheck(await checkCalibration(cameraId, draft.pairs)));
  const doSave = () =>
    run('save', async () => {
      const result = await saveCalibration(cameraId, draft.pairs);
      setCheck(result);
      onChanged();
    });
  const doDelete = () =>
    run('delete', async () => {
      setConfirmDelete(false);
      await deleteCalibration(cameraId);
      onChanged();
    });
  const cancel = () => {
    setDraft(calibrationDraft(saved?.pairs ?? []));
    setCheck(saved);
    setError(null);
  };

  const enough = draft.pairs.length >= MIN_PAIRS;
  return (
    <div className="calibration-editor" data-testid="calibration-editor" data-editable={editable}>
      {editable && <p className="setup-hint">{t('setup.calib.intro')}</p>}
      <SavedSummary saved={saved} language={language} />
      {editable && (
        <p className="setup-hint strong" role="status" data-testid="calib-step">
          {t(nextStepKey(draft), { n: draft.pairs.length + 1 })}
          {(draft.pending.image || draft.pending.ground) && (
            <button type="button" className="button ghost" onClick={() => change(clearPending(draft))}>
              {t('setup.calib.discardPending')}
            </button>
          )}
        </p>
      )}
      <div className="calibration-views">
        <FrameSurface testId="calib-surface" placing={editable} onPoint={editable ? (point) => change(placeImagePoint(draft, point)) : undefined}>
          {draft.pairs.map((pair, index) => (
            <DragHandle
              key={index}
              point={pair.image}
              radius={11}
              label={index + 1}
              className="calib-point"
              testId="calib-image-point"
              title={t('setup.calib.pairNumber', { n: index + 1 })}
              onMove={editable ? (image) => change(movePair(draft, index, { image })) : undefined}
            />
          ))}
          {draft.pending.image && <DragHandle point={draft.pending.image} radius={11} label={draft.pairs.length + 1} className="calib-point pending" />}
        </FrameSurface>
        <CalibrationMap
          camera={camera.location}
          headingDeg={camera.headingDeg}
          fovDeg={camera.fovDeg}
          points={draft.pairs.map((pair) => pair.ground)}
          pending={draft.pending.ground}
          onPick={editable ? (ground) => change(placeGroundPoint(draft, ground)) : undefined}
          onMove={editable ? (index, ground) => change(movePair(draft, index, { ground })) : undefined}
        />
      </div>

      <PairTable draft={draft} check={check} editable={editable} language={language} onRemove={(i) => change(removePair(draft, i))} />
      {check && (
        <p className="calib-result" role="status" data-testid="calib-result" data-mean-m={check.error.meanM}>
          {t('setup.calib.result', { mean: metres(check.error.meanM, language), max: metres(check.error.maxM, language) })}
        </p>
      )}
      {error !== null && (
        <div className="setup-error" role="alert" data-testid="calib-error">
          {error instanceof ApiError ? error.localizedMessage(language) : t('setup.networkError')}
        </div>
      )}
      {editable && (
        <div className="setup-actions">
          {!enough && <span className="setup-hint">{t('setup.calib.needPairs', { n: MIN_PAIRS })}</span>}
          <button type="button" className="button secondary" disabled={!enough || busy !== null} onClick={() => void doCheck()} data-testid="calib-check">
            {busy === 'check' ? t('setup.calib.checking') : t('setup.calib.check')}
          </button>
          <button type="button" className="button" disabled={!enough || !draft.dirty || busy !== null} onClick={() => void doSave()} data-testid="calib-save">
            {busy === 'save' ? t('setup.saving') : t('setup.calib.save')}
          </button>
          <button type="button" className="button secondary" disabled={!draft.dirty || busy !== null} onClick={cancel} data-testid="calib-cancel">
            {t('setup.cancel')}
          </button>
          {saved &&
            (confirmDelete ? (
              <>
                <button type="button" className="button danger" disabled={busy !== null} onClick={() => void doDelete()} data-testid="calib-delete-confirm">
                  {t('setup.calib.deleteConfirm')}
                </button>
                <button type="button" className="button ghost" onClick={() => setConfirmDelete(false)}>
                  {t('setup.cancel')}
                </button>
              </>
            ) : (
              <button type="button" className="button secondary danger" disabled={busy !== null} onClick={() => setConfirmDelete(true)} data-testid="calib-delete">
                {t('setup.calib.delete')}
              </button>
            ))}
        </div>
      )}
    </div>
  );
}

function SavedSummary({ saved, language }: { saved: Calibration | null; language: Language }) {
  const { t } = useTranslation();
  if (!saved) {
    return (
      <p className="calib-saved none" data-testid="calib-saved" data-saved="false">
        {t('setup.calib.notCalibrated')}
      </p>
    );
  }
  return (
    <p className="calib-saved" data-testid="calib-saved" data-saved="true">
      {t('setup.calib.savedSummary', {
        n: saved.pairs.length,
        mean: metres(saved.error.meanM, language),
        at: formatDateTime(saved.updatedAt, language),
      })}
    </p>
  );
}

interface PairTableProps {
  draft: CalibrationDraft;
  check: CalibrationCheck | null;
  editable: boolean;
  language: Language;
  onRemove: (index: number) => void;
}

function PairTable({ draft, check, editable, language, onRemove }: PairTableProps) {
  const { t } = useTranslation();
  if (draft.pairs.length === 0) return <p className="setup-hint">{t('setup.calib.noPairs')}</p>;
  const percent = (v: number) => formatNumber(Math.round(v * 1000) / 10, language);
  const degrees = (v: number) => v.toFixed(6);
  return (
    <table className="calib-pairs" data-testid="calib-pairs">
      <thead>
        <tr>
          <th>#</th>
          <th>{t('setup.calib.imagePoint')}</th>
          <th>{t('setup.calib.groundPoint')}</th>
          <th>{t('setup.calib.errorM')}</th>
          {editable && <th aria-label={t('setup.calib.remove')} />}
        </tr>
      </thead>
      <tbody>
        {draft.pairs.map((pair, index) => {
          const error = check?.error.perPairM[index];
          return (
            <tr key={index} data-testid="calib-pair">
              <td>{formatNumber(index + 1, language)}</td>
              <td>
                {percent(pair.image[0])} %, {percent(pair.image[1])} %
              </td>
              <td>
                {degrees(pair.ground.lat)}, {degrees(pair.ground.lon)}
              </td>
              <td data-testid="calib-pair-error">{error === undefined ? '–' : metres(error, language)}</td>
              {editable && (
                <td>
                  <button type="button" className="button ghost" onClick={() => onRemove(index)} data-testid="calib-pair-remove">
                    {t('setup.calib.remove')}
                  </button>
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
