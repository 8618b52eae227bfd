// The road-section ranking's parameters: window, ranking, EPDO weights, black-spot criterion, basis and list length.
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RANK_BY, SECTION_BASES } from '@toc/server/schemas';
import { SEVERITIES } from '../crash-filter-state';
import type { SectionsForm } from './sections-params';
import './tools.css';

interface Props {
  form: SectionsForm;
  onChange: (form: SectionsForm) => void;
  onSubmit: () => void;
}

export function SectionsFormView({ form, onChange, onSubmit }: Props) {
  const { t } = useTranslation();
  const set = <K extends keyof SectionsForm>(key: K, value: SectionsForm[K]) =>
    onChange({ ...form, [key]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };

  // noValidate: the form's own check says what is wrong in the UI language (the browser's bubble would not).
  return (
    <form className="tools-form" onSubmit={submit} noValidate data-testid="sections-form">
      <div className="tools-row">
        <label className="tools-field">
          {t('analysis-tools.sections.lengthM')}
          <input
            type="number"
            min={100}
            max={5000}
            step={50}
            value={form.lengthM}
            onChange={(e) => set('lengthM', e.target.value)}
            data-testid="sections-length"
          />
        </label>
        <label className="tools-field">
          {t('analysis-tools.sections.stepM')}
          <input
            type="number"
            min={50}
            max={5000}
            step={50}
            value={form.stepM}
            onChange={(e) => set('stepM', e.target.value)}
            data-testid="sections-step"
          />
        </label>
      </div>
      <div className="tools-row">
        <label className="tools-field">
          {t('analysis-tools.sections.rankBy')}
          <select
            value={form.rankBy}
            onChange={(e) => set('rankBy', e.target.value as SectionsForm['rankBy'])}
            data-testid="sections-rank-by"
          >
            {RANK_BY.map((by) => (
              <option key={by} value={by}>
                {t(`analysis-tools.sections.rankBy.${by}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="tools-field">
          {t('analysis-tools.sections.basis')}
          <select
            value={form.basis}
            onChange={(e) => set('basis', e.target.value as SectionsForm['basis'])}
            data-testid="sections-basis"
          >
            {SECTION_BASES.map((basis) => (
              <option key={basis} value={basis}>
                {t(`analysis-tools.sections.basis.${basis}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="tools-fieldset">
        <legend>{t('analysis-tools.sections.weights')}</legend>
        <div className="tools-row tools-row-4">
          {SEVERITIES.map((severity) => (
            <label key={severity} className="tools-field">
              {t(`analysis-tools.sections.weight.${severity}`)}
              <input
                type="number"
                min={0}
                step="any"
                value={form.weights[severity]}
                onChange={(e) => set('weights', { ...form.weights, [severity]: e.target.value })}
                data-testid={`sections-weight-${severity}`}
              />
            </label>
          ))}
        </div>
        <p className="tools-hint">{t('analysis-tools.sections.weightsHint')}</p>
      </fieldset>
      <fieldset className="tools-fieldset">
        <legend>{t('analysis-tools.sections.criterion')}</legend>
        <div className="tools-row">
          <label className="tools-field">
            {t('analysis-tools.sections.minCrashes')}
            <input
              type="number"
              min={1}
              max={10000}
              value={form.minCrashes}
              onChange={(e) => set('minCrashes', e.target.value)}
              data-testid="sections-min-crashes"
            />
          </label>
          <label className="tools-field">
            {t('analysis-tools.sections.minDeaths')}
            <input
              type="number"
              min={1}
              max={10000}
              value={form.minDeaths}
              onChange={(e) => set('minDeaths', e.target.value)}
              data-testid="sections-min-deaths"
            />
          </label>
        </div>
      </fieldset>
      <div className="tools-row tools-row-end">
        <label className="tools-field">
          {t('analysis-tools.sections.limit')}
          <input
            type="number"
            min={1}
            max={500}
            value={form.limit}
            onChange={(e) => set('limit', e.target.value)}
            data-testid="sections-limit"
          />
        </label>
        <label className="tools-check">
          <input
            type="checkbox"
            checked={form.overlapping}
            onChange={(e) => set('overlapping', e.target.checked)}
            data-testid="sections-overlapping"
          />
          {t('analysis-tools.sections.overlapping')}
        </label>
      </div>
      <button type="submit" className="button primary wide" data-testid="sections-run">
        {t('analysis-tools.sections.run')}
      </button>
    </form>
  );
}
