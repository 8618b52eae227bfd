// Province → district → sub-district choice for the crash filter; the most specific chosen area is the filter's.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaSummary } from '@toc/server/schemas';
import { useLanguage } from '../i18n/use-language';
import { fetchAreas } from './crashes.api';

export type AreaBounds = [number, number, number, number];

interface AreaPickerProps {
  /** '' (no area), 'TH', a province, district or sub-district code. */
  value: string;
  onChange: (code: string, bounds: AreaBounds | null) => void;
}

/** The codes of the levels above and at `code`: TH240101 → [TH24, TH2401, TH240101]. */
export function areaLevels(code: string): [string, string, string] {
  const at = (length: number) => (code.length >= length && code !== 'TH' ? code.slice(0, length) : '');
  return [at(4), at(6), at(8)];
}

/** The areas inside `parent` (provinces for null), loaded once per parent. */
function useAreas(parent: string | null, enabled: boolean): AreaSummary[] {
  const [areas, setAreas] = useState<AreaSummary[]>([]);
  useEffect(() => {
    setAreas([]);
    if (!enabled) return;
    const abort = new AbortController();
    fetchAreas(parent, abort.signal).then(setAreas, () => undefined);
    return () => abort.abort();
  }, [parent, enabled]);
  return areas;
}

export function AreaPicker({ value, onChange }: AreaPickerProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [province, district, subdistrict] = areaLevels(value);
  const provinces = useAreas(null, true);
  const districts = useAreas(province || null, Boolean(province));
  const subdistricts = useAreas(district || null, Boolean(district));
  const name = (area: AreaSummary) => (language === 'th' ? area.nameTh : area.nameEn);
  const choose = (code: string, list: AreaSummary[], fallback: string) => {
    const area = list.find((a) => a.code === code);
    if (area) onChange(area.code, area.bbox as AreaBounds);
    else onChange(fallback, null);
  };
  const select = (
    testId: string,
    label: string,
    current: string,
    list: AreaSummary[],
    fallback: string,
    noneLabel: string,
  ) => (
    <label>
      {label}
      <select
        value={current}
        disabled={list.length === 0}
        onChange={(e) => choose(e.target.value, list, fallback)}
        data-testid={testId}
      >
        <option value="">{noneLabel}</option>
        {list.map((area) => (
          <option key={area.code} value={area.code}>
            {name(area)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <fieldset className="area-picker">
      <legend>{t('analysis.area')}</legend>
      {select('area-province', t('analysis.province'), province, provinces, 'TH', t('analysis.wholeCountry'))}
      {select(
        'area-district',
        t('analysis.district'),
        district,
        districts,
        province,
        t('analysis.allDistricts'),
      )}
      {select(
        'area-subdistrict',
        t('analysis.subdistrict'),
        subdistrict,
        subdistricts,
        district,
        t('analysis.allSubdistricts'),
      )}
    </fieldset>
  );
}
