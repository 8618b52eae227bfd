// "Fit to district": a list of the province's districts; choosing one fits the map to its boundary.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/i18n';
import { boundsOf, type Bounds } from '../geo/bounds';
import { useMapContext } from '../map-context';
import { flyToTarget } from '../search/fly-to-target';

const PROVINCE = '*';

export function DistrictSelect({ language }: { language: Language }) {
  const { t } = useTranslation();
  const { map, basemap } = useMapContext();
  const [chosen, setChosen] = useState('');
  const districts = useMemo(() => {
    const features = basemap?.districts?.features ?? [];
    const list = features
      .map((feature) => ({
        code: String(feature.properties?.ADM2_PCODE ?? ''),
        name: String(feature.properties?.[language === 'th' ? 'ADM2_TH' : 'ADM2_EN'] ?? ''),
        bounds: boundsOf([feature.geometry]),
      }))
      .filter((d): d is { code: string; name: string; bounds: Bounds } => d.code !== '' && d.bounds !== null);
    return list.sort((a, b) => a.name.localeCompare(b.name, language));
  }, [basemap, language]);
  const province = useMemo(() => boundsOf((basemap?.districts?.features ?? []).map((f) => f.geometry)), [basemap]);

  if (!map || districts.length === 0) return null;
  return (
    <label className="district-select">
      <span className="visually-hidden">{t('mapDistrict.label')}</span>
      <select
        value={chosen}
        aria-label={t('mapDistrict.label')}
        data-testid="district-select"
        onChange={(e) => {
          const code = e.target.value;
          setChosen(code);
          const bounds = code === PROVINCE ? province : districts.find((d) => d.code === code)?.bounds;
          if (bounds) flyToTarget(map, { bounds });
        }}
      >
        <option value="" disabled>
          {t('mapDistrict.choose')}
        </option>
        {province && <option value={PROVINCE}>{t('mapDistrict.province')}</option>}
        {districts.map((d) => (
          <option key={d.code} value={d.code}>
            {d.name}
          </option>
        ))}
      </select>
    </label>
  );
}
