// The before/after study's inputs: the site (drawn polygon, chosen area or road km range), the date, the period
// length and an optional comparison area.
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrawnPolygon } from '../crash-filter-state';
import { effectiveSite, siteEnabled, type BeforeAfterForm, type SiteKind } from './before-after-params';
import './tools.css';

interface Props {
  form: BeforeAfterForm;
  drawnPolygon: DrawnPolygon | null;
  areaCode: string;
  busy: boolean;
  onChange: (form: BeforeAfterForm) => void;
  onSubmit: () => void;
}

export function BeforeAfterFormView({ form, drawnPolygon, areaCode, busy, onChange, onSubmit }: Props) {
  const { t } = useTranslation();
  const set = <K extends keyof BeforeAfterForm>(key: K, value: BeforeAfterForm[K]) =>
    onChange({ ...form, [key]: value });
  const site = effectiveSite(form.site, drawnPolygon, areaCode);
  const enabled = (kind: SiteKind) => siteEnabled(kind, drawnPolygon, areaCode);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const siteLabels: Record<SiteKind, string> = {
    polygon: enabled('polygon')
      ? t('analysis-tools.beforeAfter.site.polygon')
      : t('analysis-tools.beforeAfter.site.polygonOff'),
    area: enabled('area')
      ? t('analysis-tools.beforeAfter.site.area', { code: areaCode })
      : t('analysis-tools.beforeAfter.site.areaOff'),
    road: t('analysis-tools.beforeAfter.site.road'),
  };

  return (
    <form className="tools-form" onSubmit={submit} noValidate data-testid="before-after-form">
      <fieldset className="tools-fieldset">
        <legend>{t('analysis-tools.beforeAfter.site')}</legend>
        {(['polygon', 'area', 'road'] as const).map((kind) => (
          <label key={kind} className={`tools-check${enabled(kind) ? '' : ' disabled'}`}>
            <input
              type="radio"
              name="before-after-site"
              value={kind}
              checked={site === kind}
              disabled={!enabled(kind)}
              onChange={() => set('site', kind)}
              data-testid={`before-after-site-${kind}`}
            />
            {siteLabels[kind]}
          </label>
        ))}
        {site === 'road' && (
          <div className="tools-row tools-row-3">
            <label className="tools-field">
              {t('analysis-tools.beforeAfter.siteRoad')}
              <input
                type="text"
                inputMode="text"
                maxLength={20}
                value={form.siteRoad}
                onChange={(e) => set('siteRoad', e.target.value)}
                data-testid="before-after-road"
              />
            </label>
            <label className="tools-field">
              {t('analysis-tools.beforeAfter.fromKm')}
              <input
                type="number"
                min={0}
                step="any"
                value={form.fromKm}
                onChange={(e) => set('fromKm', e.target.value)}
                data-testid="before-after-from-km"
              />
            </label>
            <label className="tools-field">
              {t('analysis-tools.beforeAfter.toKm')}
              <input
                type="number"
                min={0}
                step="any"
                value={form.toKm}
                onChange={(e) => set('toKm', e.target.value)}
                data-testid="before-after-to-km"
              />
            </label>
          </div>
        )}
      </fieldset>
      <div className="tools-row">
        <label className="tools-field">
          {t('analysis-tools.beforeAfter.date')}
          <input
            type="date"
            required
            value={form.date}
            onChange={(e) => set('date', e.target.value)}
            data-testid="before-after-date"
          />
        </label>
        <label className="tools-field">
          {t('analysis-tools.beforeAfter.periodDays')}
          <input
            type="number"
            min={30}
            max={1826}
            value={form.periodDays}
            onChange={(e) => set('periodDays', e.target.value)}
            data-testid="before-after-period"
          />
        </label>
      </div>
      <label className="tools-field">
        {t('analysis-tools.beforeAfter.comparisonArea')}
        <input
          type="text"
          maxLength={8}
          placeholder="TH24"
          value={form.comparisonArea}
          onChange={(e) => set('comparisonArea', e.target.value)}
          data-testid="before-after-comparison"
        />
      </label>
      <p className="tools-hint">{t('analysis-tools.beforeAfter.comparisonHint')}</p>
      <button type="submit" className="button primary wide" disabled={busy} data-testid="before-after-run">
        {busy ? t('common.loading') : t('analysis-tools.beforeAfter.run')}
      </button>
    </form>
  );
}
