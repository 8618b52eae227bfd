// The places one warning names, nearest first: name, district, distance in km and direction from the herd.
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/use-language';
import type { WarnedPlace } from './elephant-situation';
import { compassKey, kmText } from './elephant-labels';

export function WarnedPlacesTable({ places }: { places: readonly WarnedPlace[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <table className="elephant-table" data-testid="warning-places">
      <caption>{t('elephants.places.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('elephants.places.name')}</th>
          <th scope="col">{t('elephants.places.district')}</th>
          <th scope="col" className="numeric">
            {t('elephants.places.distance')}
          </th>
          <th scope="col">{t('elephants.places.direction')}</th>
        </tr>
      </thead>
      <tbody>
        {places.map((p) => (
          <tr key={p.id} data-testid="warning-place" data-distance-m={p.distanceM}>
            <td>{language === 'th' ? p.nameTh : p.name}</td>
            <td>{(language === 'th' ? p.districtTh : p.district) ?? ''}</td>
            <td className="numeric">{t('elephants.km', { km: kmText(p.distanceM) })}</td>
            <td>{t(compassKey(p.direction))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
