// The operator's layer switches, remembered in this browser (localStorage) across reloads.
import { useCallback, useState } from 'react';
import { parseVisibility, type LayerGroup, type LayerVisibility } from '../layer-groups';

const STORAGE_KEY = 'toc.map.layers';

function readStored(): LayerVisibility {
  try {
    return parseVisibility(localStorage.getItem(STORAGE_KEY));
  } catch {
    return parseVisibility(null);
  }
}

export function useLayerVisibility(): [LayerVisibility, (group: LayerGroup, visible: boolean) => void] {
  const [visibility, setVisibility] = useState(readStored);
  const setGroup = useCallback((group: LayerGroup, visible: boolean) => {
    setVisibility((current) => {
      const next = { ...current, [group]: visible };
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      } catch {
        // Private mode or a full quota: the switch still works for this page.
      }
      return next;
    });
  }, []);
  return [visibility, setGroup];
}
