// The bus part of the map legend: the same pictograms, rings and colours as the bus layers draw.
import { useTranslation } from 'react-i18next';
import { pictogramDataUrl } from '../icons/map-icons';
import { BUS_PICTOGRAMS } from '../icons/pictograms';
import { BUS_CONDITION_RING, BUS_STOP_COLORS } from '../palette';

const ICON_PX = 18;
/** Any route colour will do for the legend; the map uses each route's own. */
const SAMPLE_ROUTE = '#2563eb';

function BusIcon({ electric, ring, faded = false }: { electric: boolean; ring: string; faded?: boolean }) {
  const src = pictogramDataUrl(electric ? 'bus-electric' : 'bus-diesel', BUS_PICTOGRAMS[electric ? 'electric' : 'diesel'], ICON_PX, {
    color: '#ffffff',
    background: SAMPLE_ROUTE,
  });
  return <img className="legend-icon legend-bus" alt="" src={src} style={{ borderColor: ring, opacity: faded ? 0.45 : 1 }} />;
}

export function BusLegend() {
  const { t } = useTranslation();
  return (
    <section data-testid="bus-legend">
      <h3>{t('mapLayers.group.buses')}</h3>
      <ul>
        <li>
          <BusIcon electric={false} ring={BUS_CONDITION_RING.normal} />
          {t('buses.legend.bus')}
        </li>
        <li>
          <BusIcon electric ring={BUS_CONDITION_RING.electric} />
          {t('buses.legend.electric')}
        </li>
        <li>
          <BusIcon electric={false} ring={BUS_CONDITION_RING.off_route} />
          {t('buses.legend.offRoute')}
        </li>
        <li>
          <BusIcon electric={false} ring={BUS_CONDITION_RING.stale} faded />
          {t('buses.legend.stale')}
        </li>
        <li>
          <span className="legend-swatch legend-line" style={{ background: SAMPLE_ROUTE }} aria-hidden="true" />
          {t('buses.legend.route')}
        </li>
        <li>
          <span
            className="legend-swatch legend-disc"
            style={{ background: BUS_STOP_COLORS.fill, borderColor: BUS_STOP_COLORS.stroke, width: 10, height: 10 }}
            aria-hidden="true"
          />
          {t('buses.legend.stop')}
        </li>
        <li className="legend-note">{t('buses.legend.arrow')}</li>
      </ul>
    </section>
  );
}
