// Data attribution shown on the map (OSM roads, OCHA boundaries, and configured tiles if any).
import { useTranslation } from 'react-i18next';

export function MapAttribution({ tileAttribution }: { tileAttribution: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="map-attribution" data-testid="map-attribution">
      {t('map.attribution')}
      {tileAttribution && <> · {tileAttribution}</>}
    </div>
  );
}
