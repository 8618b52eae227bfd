// Where it happened: clicked on the map, found by name (a camera, village, sub-district, district or road) or taken
// from a camera (the map goes there), how sure the place is (a radius drawn as a circle), and its name as people say it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LonLat } from '@toc/server/schemas';
import { useLanguage } from '../i18n/use-language';
import { nameIn, type SearchEntry } from '../map/search/search-index';
import { useLiveData } from '../state/live-data.context';
import { useStore } from '../state/observable-store';
import { CoordinateInputs } from './coordinate-inputs';
import type { DraftSectionProps } from './draft-props';
import { FormField } from './form-field';
import { MAX_RADIUS_M } from './request-draft';
import { placeOfTarget } from './place-of-result';
import { PlaceMap, pointFocus, type PlaceFocus } from './place-map';
import { PlaceSearch } from './place-search';

export function PlaceFields({ draft, set, problems }: DraftSectionProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const cameras = useStore(useLiveData().cameras).list;
  const [focus, setFocus] = useState<PlaceFocus | null>(null);
  const [cameraId, setCameraId] = useState('');
  const radius = Number(draft.placeRadiusM);
  const radiusM = draft.placeRadiusM.trim() !== '' && radius > 0 && radius <= MAX_RADIUS_M ? radius : null;

  /** The radius is kept unless given; the label is filled only when empty. */
  const moveTo = (place: LonLat, label = '', to = pointFocus(place), newRadiusM: number | null = null) => {
    set({
      place,
      ...(newRadiusM !== null ? { placeRadiusM: String(newRadiusM) } : {}),
      ...(label && draft.placeLabel.trim() === '' ? { placeLabel: label } : {}),
    });
    setFocus(to);
  };
  const chooseResult = (entry: SearchEntry) => {
    const name = nameIn(entry.name, language);
    const found = placeOfTarget(entry.target);
    moveTo(found.place, name, { target: entry.target, name }, found.radiusM);
  };
  const chooseCamera = (value: string) => {
    setCameraId(value);
    const camera = cameras.find((c) => String(c.id) === value);
    if (camera) moveTo(camera.location, language === 'th' ? camera.nameTh : camera.name);
  };

  return (
    <fieldset className="panel-surface request-section">
      <legend>{t('requests.form.place')}</legend>
      <p className="panel-note">{t('requests.place.intro')}</p>
      <div className="request-place">
        <div className="request-place-side">
          <PlaceSearch cameras={cameras} onChoose={chooseResult} />
          <label className="request-field">
            <span className="request-field-label">{t('requests.place.fromCamera')}</span>
            <select
              value={cameraId}
              onChange={(e) => chooseCamera(e.target.value)}
              data-testid="request-form-camera"
            >
              <option value="">{t('requests.place.cameraPrompt')}</option>
              {cameras.map((camera) => (
                <option key={camera.id} value={camera.id}>
                  {language === 'th' ? camera.nameTh : camera.name}
                </option>
              ))}
            </select>
          </label>
          <CoordinateInputs
            key={draft.place ? `${draft.place.lon},${draft.place.lat}` : 'none'}
            place={draft.place}
            onPlace={(place) => moveTo(place)}
            problemId={problems.place ? 'request-form-place-problem' : undefined}
          />
          {problems.place && (
            <span
              className="request-field-problem"
              id="request-form-place-problem"
              data-testid="request-form-place-error"
            >
              {t('requests.problem.place')}
            </span>
          )}
          <FormField
            label={t('requests.field.placeRadiusM')}
            testId="request-form-radius"
            problem={problems.placeRadiusM}
            hint={t('requests.hint.placeRadiusM')}
          >
            {(a11y) => (
              <input
                type="number"
                min={1}
                max={MAX_RADIUS_M}
                step={1}
                value={draft.placeRadiusM}
                onChange={(e) => set({ placeRadiusM: e.target.value })}
                data-testid="request-form-radius"
                {...a11y}
              />
            )}
          </FormField>
          <FormField
            label={t('requests.field.placeLabel')}
            testId="request-form-place-label"
            problem={problems.placeLabel}
            hint={t('requests.hint.placeLabel')}
          >
            {(a11y) => (
              <input
                type="text"
                maxLength={300}
                value={draft.placeLabel}
                onChange={(e) => set({ placeLabel: e.target.value })}
                data-testid="request-form-place-label"
                {...a11y}
              />
            )}
          </FormField>
        </div>
        <PlaceMap
          place={draft.place}
          radiusM={radiusM}
          focus={focus}
          onPick={(place) => set({ place })}
        />
      </div>
    </fieldset>
  );
}
