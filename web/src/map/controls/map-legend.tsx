// What the map's colours and symbols mean, drawn with the same palette and pictograms as the layers.
import { useTranslation } from 'react-i18next';
import { EVENT_TYPES, SEVERITIES, type CameraState } from '@toc/server/schemas';
import { cameraStatusKey, eventTypeKey, severityKey, vehicleClassKey } from '../../format/labels';
import { pictogramDataUrl } from '../icons/map-icons';
import { CAMERA_PICTOGRAMS, EVENT_PICTOGRAMS, headingArrow } from '../icons/pictograms';
import type { LayerVisibility } from '../layer-groups';
import { BusLegend } from './bus-legend';
import { Crashes24hLegend } from './crashes-24h-legend';
import {
  CAMERA_STATUS_COLORS,
  CROWD_DENSITY_STOPS,
  CROWD_NO_DATA_COLOR,
  EVENT_TYPE_COLORS,
  OBJECT_CLASS_COLORS,
  OBJECT_LEGEND_CLASSES,
  OBJECT_OTHER_COLOR,
  SEVERITY_COLORS,
} from '../palette';

const ICON_PX = 18;
const WORKING = new Set<CameraState>(['online', 'starting']);
const CAMERA_STATES = Object.keys(CAMERA_STATUS_COLORS) as CameraState[];

function Swatch({ color, shape = 'disc' }: { color: string; shape?: 'disc' | 'area' | 'line' }) {
  return <span className={`legend-swatch legend-${shape}`} style={{ background: color }} aria-hidden="true" />;
}

export function MapLegend({ visibility }: { visibility: LayerVisibility }) {
  const { t } = useTranslation();
  const objectLabel = (cls: string) => {
    if (cls === 'elephant') return t('mapLegend.elephants');
    const key = vehicleClassKey(cls);
    return key ? t(key) : cls;
  };
  return (
    <div className="map-legend" data-testid="map-legend">
      {visibility.events && (
        <section>
          <h3>{t('mapLegend.severity')}</h3>
          <ul>
            {[...SEVERITIES].reverse().map((severity) => (
              <li key={severity}>
                <Swatch color={SEVERITY_COLORS[severity]} />
                {t(severityKey(severity))}
              </li>
            ))}
            <li>
              <span className="legend-swatch legend-disc legend-open" style={{ background: SEVERITY_COLORS.high }} aria-hidden="true" />
              {t('mapLegend.unacknowledged')}
            </li>
            <li>
              <span className="legend-swatch legend-disc legend-faded" style={{ background: SEVERITY_COLORS.high }} aria-hidden="true" />
              {t('mapLegend.acknowledged')}
            </li>
          </ul>
          <h3>{t('mapLegend.eventTypes')}</h3>
          <ul>
            {EVENT_TYPES.map((type) => (
              <li key={type}>
                <img
                  className="legend-icon"
                  alt=""
                  src={pictogramDataUrl(`event-${type}`, EVENT_PICTOGRAMS[type], ICON_PX, { color: '#ffffff', background: '#334155' })}
                />
                {t(eventTypeKey(type))}
              </li>
            ))}
          </ul>
        </section>
      )}
      {visibility.crashes24h && <Crashes24hLegend />}
      {visibility.cameras && (
        <section>
          <h3>{t('mapLegend.cameras')}</h3>
          <ul>
            {CAMERA_STATES.map((state) => (
              <li key={state}>
                <img
                  className="legend-icon"
                  alt=""
                  src={pictogramDataUrl(`camera-${state}`, WORKING.has(state) ? CAMERA_PICTOGRAMS.on : CAMERA_PICTOGRAMS.off, ICON_PX, {
                    color: '#ffffff',
                    background: CAMERA_STATUS_COLORS[state],
                  })}
                />
                {t(cameraStatusKey(state))}
              </li>
            ))}
            <li>
              <Swatch color={CAMERA_STATUS_COLORS.online} shape="area" />
              {t('mapLegend.fov')}
            </li>
            <li className="legend-note">{t('mapLegend.cameraOff')}</li>
          </ul>
        </section>
      )}
      {visibility.crowd && (
        <section>
          <h3>{t('mapLegend.density')}</h3>
          <ul className="legend-scale">
            {CROWD_DENSITY_STOPS.map(([value, color]) => (
              <li key={value}>
                <Swatch color={color} shape="area" />
                {`≥ ${value}`}
              </li>
            ))}
            <li>
              <Swatch color={CROWD_NO_DATA_COLOR} shape="area" />
              {t('mapLegend.noData')}
            </li>
          </ul>
        </section>
      )}
      {visibility.objects && (
        <section>
          <h3>{t('mapLegend.objects')}</h3>
          <ul>
            {[...OBJECT_LEGEND_CLASSES, 'other'].map((cls) => {
              const color = OBJECT_CLASS_COLORS[cls] ?? OBJECT_OTHER_COLOR;
              return (
                <li key={cls}>
                  <img className="legend-icon" alt="" src={pictogramDataUrl(`object-${cls}`, headingArrow, ICON_PX, { color, outline: true })} />
                  {cls === 'other' ? t('mapLegend.otherObjects') : objectLabel(cls)}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {visibility.buses && <BusLegend />}
      {visibility.elephants && (
        <section>
          <h3>{t('mapLayers.group.elephants')}</h3>
          <ul>
            <li>
              <Swatch color={EVENT_TYPE_COLORS['elephant.warning']} shape="area" />
              {t('mapLegend.elephantWarning')}
            </li>
            <li>
              <Swatch color={EVENT_TYPE_COLORS['elephant.sighting']} shape="line" />
              {t('mapLegend.elephantPath')}
            </li>
          </ul>
        </section>
      )}
    </div>
  );
}
