// The planner's crash filter: area, drawn polygon, period, festival, weekdays, hours, severity and the coded
// vocabularies (cause, crash type, vehicle, weather). Edited as a draft and applied together.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodedCount, CrashBreakdown } from '@toc/server/schemas';
import { useLanguage } from '../i18n/use-language';
import { AreaPicker, type AreaBounds } from './area-picker';
import { DEFAULT_FILTER, SEVERITIES, type CrashFilterState } from './crash-filter-state';
import { weekdayShort } from './weekday-name';

type CodeField = 'causes' | 'crashTypes' | 'vehicles' | 'weather';
const CODE_FIELDS: { field: CodeField; from: keyof CrashBreakdown; label: string; testId: string }[] = [
  { field: 'causes', from: 'byCause', label: 'analysis.cause', testId: 'filter-cause' },
  { field: 'crashTypes', from: 'byCrashType', label: 'analysis.crashType', testId: 'filter-crash-type' },
  { field: 'vehicles', from: 'byVehicle', label: 'analysis.vehicle', testId: 'filter-vehicle' },
  { field: 'weather', from: 'byWeather', label: 'analysis.weather', testId: 'filter-weather' },
];
/** Sunday first, as the data numbers them (0 = Sunday). */
const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** The hours from `first` to `last` inclusive, across midnight when last < first (22–03 is a night). */
export function hourRange(first: number, last: number): number[] {
  if (first === 0 && last === 23) return [];
  const hours: number[] = [];
  for (let hour = first; ; hour = (hour + 1) % 24) {
    hours.push(hour);
    if (hour === last) break;
  }
  return hours;
}

const toggled = <T,>(values: readonly T[], value: T): T[] =>
  values.includes(value) ? values.filter((v) => v !== value) : [...values, value];

interface CrashFilterFormProps {
  applied: CrashFilterState;
  /** The area and period's crashes without the coded filters: the choices of each vocabulary. */
  options: CrashBreakdown | null;
  drawing: boolean;
  onApply: (filter: CrashFilterState, bounds: AreaBounds | null) => void;
  onDraw: () => void;
  onClearPolygon: () => void;
}

export function CrashFilterForm({
  applied,
  options,
  drawing,
  onApply,
  onDraw,
  onClearPolygon,
}: CrashFilterFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [draft, setDraft] = useState(applied);
  const [bounds, setBounds] = useState<AreaBounds | null>(null);
  // A polygon drawn on the map applies at once; the draft follows it.
  useEffect(() => setDraft((d) => ({ ...d, polygon: applied.polygon })), [applied.polygon]);
  const set = (change: Partial<CrashFilterState>) => setDraft((d) => ({ ...d, ...change }));
  const label = (item: CodedCount) => (language === 'th' ? item.th : item.en);
  const [firstHour, lastHour] = draft.hours.length
    ? [draft.hours[0]!, draft.hours[draft.hours.length - 1]!]
    : [0, 23];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft, bounds);
  };

  return (
    <form className="crash-filter" onSubmit={submit} data-testid="crash-filter">
      <AreaPicker
        value={draft.area}
        onChange={(area, areaBounds) => {
          set({ area });
          setBounds(areaBounds);
        }}
      />
      <div className="crash-filter-row">
        {draft.polygon ? (
          <button
            type="button"
            className="button secondary"
            onClick={onClearPolygon}
            data-testid="filter-clear-polygon"
          >
            {t('analysis.clearPolygon')}
          </button>
        ) : (
          <button
            type="button"
            className={drawing ? 'button primary' : 'button secondary'}
            onClick={onDraw}
            aria-pressed={drawing}
            data-testid="filter-draw"
          >
            {drawing ? t('analysis.drawing') : t('analysis.draw')}
          </button>
        )}
      </div>
      <fieldset>
        <legend>{t('analysis.period')}</legend>
        <label>
          {t('analysis.from')}
          <input
            type="date"
            value={draft.from}
            onChange={(e) => set({ from: e.target.value })}
            data-testid="filter-from"
          />
        </label>
        <label>
          {t('analysis.to')}
          <input
            type="date"
            value={draft.to}
            onChange={(e) => set({ to: e.target.value })}
            data-testid="filter-to"
          />
        </label>
        <label>
          {t('analysis.festival')}
          <select
            value={draft.festival}
            onChange={(e) => set({ festival: e.target.value as CrashFilterState['festival'] })}
            data-testid="filter-festival"
          >
            <option value="">{t('analysis.festival.none')}</option>
            <option value="songkran">{t('analysis.festival.songkran')}</option>
            <option value="new_year">{t('analysis.festival.newYear')}</option>
          </select>
        </label>
      </fieldset>
      <fieldset className="crash-filter-days">
        <legend>{t('analysis.weekdays')}</legend>
        {WEEKDAYS.map((day) => (
          <label key={day} className="chip">
            <input
              type="checkbox"
              checked={draft.weekdays.includes(day)}
              onChange={() => set({ weekdays: toggled(draft.weekdays, day) })}
              data-testid={`filter-weekday-${day}`}
            />
            {weekdayShort(day, language)}
          </label>
        ))}
        <label>
          {t('analysis.hours')}
          <span className="crash-filter-hours">
            <select
              value={firstHour}
              onChange={(e) => set({ hours: hourRange(Number(e.target.value), lastHour) })}
              data-testid="filter-hour-from"
            >
              {HOURS.map((hour) => (
                <option key={hour} value={hour}>{`${String(hour).padStart(2, '0')}:00`}</option>
              ))}
            </select>
            –
            <select
              value={lastHour}
              onChange={(e) => set({ hours: hourRange(firstHour, Number(e.target.value)) })}
              data-testid="filter-hour-to"
            >
              {HOURS.map((hour) => (
                <option key={hour} value={hour}>{`${String(hour).padStart(2, '0')}:59`}</option>
              ))}
            </select>
          </span>
        </label>
      </fieldset>
      <fieldset className="crash-filter-severity">
        <legend>{t('analysis.severity')}</legend>
        {SEVERITIES.map((severity) => (
          <label key={severity} className="chip">
            <input
              type="checkbox"
              checked={draft.severities.includes(severity)}
              onChange={() => set({ severities: toggled(draft.severities, severity) })}
              data-testid={`filter-severity-${severity}`}
            />
            {t(`analysis.severity.${severity}`)}
          </label>
        ))}
      </fieldset>
      {CODE_FIELDS.map(({ field, from, label: title, testId }) => {
        const items = (options?.[from] ?? []) as CodedCount[];
        return (
          <label key={field} className="crash-filter-codes">
            {t(title as 'analysis.cause')}
            <select
              multiple
              size={Math.min(5, Math.max(2, items.length))}
              value={draft[field]}
              onChange={(e) => set({ [field]: [...e.target.selectedOptions].map((o) => o.value) })}
              data-testid={testId}
            >
              {items.map((item) => (
                <option key={item.code} value={item.code}>
                  {`${label(item)} (${item.crashes})`}
                </option>
              ))}
            </select>
          </label>
        );
      })}
      <div className="crash-filter-actions">
        <button type="submit" className="button primary" data-testid="filter-apply">
          {t('analysis.apply')}
        </button>
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            setDraft(DEFAULT_FILTER);
            setBounds(null);
          }}
          data-testid="filter-reset"
        >
          {t('analysis.reset')}
        </button>
      </div>
    </form>
  );
}
