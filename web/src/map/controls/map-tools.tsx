// The tools over the operator map: search and "fit to district" on top, then the layer switches and legend.
import { useTranslation } from 'react-i18next';
import type { Camera, Place } from '@toc/server/schemas';
import type { Language } from '../../i18n/i18n';
import type { BusesStore } from '../../state/buses.store';
import type { TrackedObjectsStore } from '../../state/tracked-objects.store';
import type { LayerGroup, LayerVisibility } from '../layer-groups';
import { DistrictSelect } from './district-select';
import { LayerSwitcher } from './layer-switcher';
import { MapLegend } from './map-legend';
import { MapSearch } from './map-search';
import './map-tools.css';

interface MapToolsProps {
  cameras: readonly Camera[];
  villages: readonly Place[];
  language: Language;
  groups: readonly LayerGroup[];
  visibility: LayerVisibility;
  onLayerChange: (group: LayerGroup, visible: boolean) => void;
  objects: TrackedObjectsStore;
  buses: BusesStore;
  onOpenBusHistory: () => void;
}

export function MapTools({ cameras, villages, language, groups, visibility, onLayerChange, objects, buses, onOpenBusHistory }: MapToolsProps) {
  const { t } = useTranslation();
  return (
    <div className="map-tools" role="group" aria-label={t('mapTools.label')}>
      <div className="map-tools-row">
        <MapSearch cameras={cameras} villages={villages} language={language} />
        <DistrictSelect language={language} />
      </div>
      <button type="button" className="map-tools-button" onClick={onOpenBusHistory} data-testid="bus-history-open">
        {t('buses.replay.open')}
      </button>
      <details className="map-tools-panel" data-testid="layers-panel">
        <summary>{t('mapLayers.title')}</summary>
        <LayerSwitcher groups={groups} visibility={visibility} onChange={onLayerChange} objects={objects} buses={buses} />
      </details>
      <details className="map-tools-panel legend-panel" data-testid="legend-panel">
        <summary>{t('mapLegend.title')}</summary>
        <MapLegend visibility={visibility} />
      </details>
    </div>
  );
}
