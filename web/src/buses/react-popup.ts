// A MapLibre popup whose content is a React tree (live content, the app's translations), unmounted on close.
import { Popup, type LngLatLike, type MapLibreMap } from 'maplibre-gl';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

export function openReactPopup(map: MapLibreMap, at: LngLatLike, content: ReactNode, className: string): Popup {
  const element = document.createElement('div');
  const root = createRoot(element);
  root.render(content);
  const popup = new Popup({ className, maxWidth: '400px', focusAfterOpen: false }).setLngLat(at).setDOMContent(element).addTo(map);
  // Deferred: the close may come from inside a React event handler of this very tree.
  popup.on('close', () => queueMicrotask(() => root.unmount()));
  return popup;
}
