// The places an elephant warning names, nearest first, with distance and the direction from the herd.
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';

interface WarnedPlace {
  name: string;
  nameTh: string;
  districtTh: string | null;
  district: string | null;
  distanceM: number;
  direction: { en: string; th: string };
}

const isWarnedPlace = (value: unknown): value is WarnedPlace =>
  typeof value === 'object' && value !== null && typeof (value as WarnedPlace).distanceM === 'number' && typeof (value as WarnedPlace).nameTh === 'string';

export function WarnedPlaces({ places }: { places: readonly unknown[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const valid = places.filter(isWarnedPlace);
  return (
    <div className="warned-places">
      <h3 className="detail-subtitle">{t('detail.placesWarned', { n: formatNumber(valid.length, language) })}</h3>
      <table data-testid="warned-places">
        <tbody>
          {valid.map((p, i) => (
            <tr key={i}>
              <td>{language === 'th' ? p.nameTh : p.name}</td>
              <td>{(language === 'th' ? p.districtTh : p.district) ?? ''}</td>
              <td>{t('detail.distanceKm', { km: formatNumber(Math.round(p.distanceM / 100) / 10, language) })}</td>
              <td>{language === 'th' ? p.direction.th : p.direction.en}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
