// The places an elephant warning names, nearest first, with distance and the direction from the herd.
import { useTranslation } from 'react-i18next';
import { compassKey, type WarnedPlace } from '../format/warned-places';
import { formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';

export function WarnedPlaces({ places }: { places: readonly WarnedPlace[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="warned-places">
      <h3 className="detail-subtitle">{t('detail.placesWarned', { n: formatNumber(places.length, language) })}</h3>
      <table data-testid="warned-places">
        <tbody>
          {places.map((p) => (
            <tr key={p.id}>
              <td>{language === 'th' ? p.nameTh : p.name}</td>
              <td>{(language === 'th' ? p.districtTh : p.district) ?? ''}</td>
              <td>{t('detail.distanceKm', { km: formatNumber(Math.round(p.distanceM / 100) / 10, language) })}</td>
              <td>{t(compassKey(p.direction))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
