// Switches each layer group on or off.
import { useTranslation } from 'react-i18next';
import { useStore } from '../../state/observable-store';
import type { BusesStore } from '../../state/buses.store';
import type { TrackedObjectsStore } from '../../state/tracked-objects.store';
import type { LayerGroup, LayerVisibility } from '../layer-groups';

interface LayerSwitcherProps {
  groups: readonly LayerGroup[];
  visibility: LayerVisibility;
  onChange: (group: LayerGroup, visible: boolean) => void;
  /** The live objects, whose number is shown next to their switch. */
  objects: TrackedObjectsStore;
  /** The live buses, whose number is shown next to their switch. */
  buses: BusesStore;
}

/** Its own component, so only this line re-renders as objects come and go. */
function ObjectsCount({ objects }: { objects: TrackedObjectsStore }) {
  const { t } = useTranslation();
  const { count } = useStore(objects);
  return (
    <span className="layer-note" data-testid="objects-count" data-count={count}>
      {t('mapLayers.objectsCount', { n: count })}
    </span>
  );
}

function BusesCount({ buses }: { buses: BusesStore }) {
  const { t } = useTranslation();
  const { byId } = useStore(buses);
  return (
    <span className="layer-note" data-testid="buses-count" data-count={byId.size}>
      {t('buses.count', { n: byId.size })}
    </span>
  );
}

export function LayerSwitcher({ groups, visibility, onChange, objects, buses }: LayerSwitcherProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="layer-switcher" data-testid="layer-switcher">
      <legend className="visually-hidden">{t('mapLayers.title')}</legend>
      {groups.map((group) => (
        <label key={group} className="layer-toggle">
          <input
            type="checkbox"
            checked={visibility[group]}
            onChange={(e) => onChange(group, e.target.checked)}
            data-testid={`layer-toggle-${group}`}
          />
          <span>{t(`mapLayers.group.${group}`)}</span>
          {group === 'objects' && visibility.objects && <ObjectsCount objects={objects} />}
          {group === 'buses' && visibility.buses && <BusesCount buses={buses} />}
        </label>
      ))}
    </fieldset>
  );
}
