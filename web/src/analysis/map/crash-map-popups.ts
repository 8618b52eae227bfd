// Popups for clicked features of the crash map: the topmost of sections, clusters, crash points, hot spots and
// heatmap hexagons.
// Content is built as DOM text nodes, never as HTML from data.
import { Popup, type MapLibreMap, type MapMouseEvent } from 'maplibre-gl';
import { CRASH_LAYER_IDS } from './crash-layer-ids';
import { popupContent, type PopupContent, type PopupKind, type PopupText } from './popup-content';

/** Top to bottom, as drawn: a click on a section over a hot spot is about the section. */
const CLICKABLE: readonly (readonly [layerId: string, kind: PopupKind])[] = [
  [CRASH_LAYER_IDS.sections, 'section'],
  [CRASH_LAYER_IDS.clusters, 'cluster'],
  [CRASH_LAYER_IDS.points, 'point'],
  [CRASH_LAYER_IDS.hotspots, 'hotspot'],
  [CRASH_LAYER_IDS.heatmap, 'heatmap'],
];

export interface CrashPopupOptions {
  /** Read at each click, so popups speak the language of the moment. */
  text: () => PopupText;
  /** While an area is being drawn, clicks add corners instead. */
  isDrawing: () => boolean;
}

export interface CrashPopups {
  close(): void;
  dispose(): void;
}

function popupElement(content: PopupContent): HTMLElement {
  const root = document.createElement('div');
  root.className = 'crash-popup';
  root.dataset.testid = 'crash-map-popup';
  const title = document.createElement('h3');
  title.textContent = content.title;
  root.append(title);
  if (content.note) {
    const note = document.createElement('p');
    note.className = 'crash-popup-note';
    note.textContent = content.note;
    root.append(note);
  }
  const list = document.createElement('dl');
  for (const [label, value] of content.rows) {
    const term = document.createElement('dt');
    term.textContent = label;
    const detail = document.createElement('dd');
    detail.textContent = value;
    list.append(term, detail);
  }
  root.append(list);
  return root;
}

export function installCrashPopups(map: MapLibreMap, options: CrashPopupOptions): CrashPopups {
  let popup: Popup | null = null;
  const layerIds = CLICKABLE.map(([id]) => id).filter((id) => map.getLayer(id));

  const close = () => {
    popup?.remove();
    popup = null;
  };

  const onClick = (event: MapMouseEvent) => {
    if (options.isDrawing()) return;
    const hits = map.queryRenderedFeatures(event.point, { layers: layerIds });
    for (const [layerId, kind] of CLICKABLE) {
      const hit = hits.find((feature) => feature.layer.id === layerId);
      if (!hit) continue;
      close();
      const content = popupContent(kind, hit.properties, options.text());
      popup = new Popup({ className: 'crash-map-popup', maxWidth: '320px', focusAfterOpen: false })
        .setLngLat(event.lngLat)
        .setDOMContent(popupElement(content))
        .addTo(map);
      return;
    }
    close();
  };
  const pointer = () => {
    if (!options.isDrawing()) map.getCanvas().style.cursor = 'pointer';
  };
  const plain = () => {
    if (!options.isDrawing()) map.getCanvas().style.cursor = '';
  };

  map.on('click', onClick);
  for (const id of layerIds) {
    map.on('mouseenter', id, pointer);
    map.on('mouseleave', id, plain);
  }
  return {
    close,
    dispose: () => {
      close();
      map.off('click', onClick);
      for (const id of layerIds) {
        map.off('mouseenter', id, pointer);
        map.off('mouseleave', id, plain);
      }
    },
  };
}
