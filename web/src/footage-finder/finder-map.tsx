// The finder's map: the incident place with its uncertainty circle, each proposed camera as its rank number with its
// view wedge (lit while hovered or selected, both ways with the list), and the events near as markers.
import 'maplibre-gl/dist/maplibre-gl.css';
import '../map/maplibre-worker';
import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FINDER_BASES, type FootageSearch, type NearEvent } from '@toc/server/schemas';
import { appConfig } from '../config/app.config';
import { formatNumber } from '../i18n/format';
import type { Language } from '../i18n/i18n';
import { createMap } from '../map/create-map';
import { addBasemapLayers } from '../map/layers/basemap.layer';
import { loadBasemap } from '../map/load-basemap';
import { SEVERITY_COLORS } from '../map/palette';
import { finderBounds } from './camera-cones';
import { useEventText } from './event-text';
import {
  BASIS_COLORS,
  CONES_FILL_ID,
  addFinderLayers,
  highlightCones,
  setFinderData,
} from './finder-map-layers';

interface FinderMapProps {
  search: FootageSearch;
  language: Language;
  hovered: number | null;
  selected: number | null;
  onHover: (cameraId: number | null) => void;
  onSelect: (cameraId: number) => void;
}

const cameraName = (camera: { name: string; nameTh: string }, language: Language) =>
  language === 'th' ? camera.nameTh : camera.name;

function element(tag: 'div' | 'button', className: string, testId: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  node.dataset.testid = testId;
  if (node instanceof HTMLButtonElement) node.type = 'button';
  return node;
}

export function FinderMap({ search, language, hovered, selected, onHover, onSelect }: FinderMapProps) {
  const { t } = useTranslation();
  const eventText = useEventText();
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const cameraMarkers = useRef(new Map<number, HTMLElement>());
  // The map's listeners outlive renders; they call the latest handlers.
  const handlers = useRef({ onHover, onSelect });
  useEffect(() => {
    handlers.current = { onHover, onSelect };
  });
  // Where the map opens: computed once (the wedges take some arithmetic), later answers are fitted by the effect below.
  const [initialBounds] = useState(() => finderBounds(search));

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const abort = new AbortController();
    const basemap = loadBasemap(abort.signal);
    const instance = createMap(container, appConfig.map, {
      bounds: initialBounds,
      fitBoundsOptions: { padding: 40, maxZoom: 18 },
      fadeDuration: 0,
    });
    instance.on('mousemove', CONES_FILL_ID, (e) => {
      const id = e.features?.[0]?.id;
      instance.getCanvas().style.cursor = 'pointer';
      if (typeof id === 'number') handlers.current.onHover(id);
    });
    instance.on('mouseleave', CONES_FILL_ID, () => {
      instance.getCanvas().style.cursor = '';
      handlers.current.onHover(null);
    });
    instance.on('click', CONES_FILL_ID, (e) => {
      const id = e.features?.[0]?.id;
      if (typeof id === 'number') handlers.current.onSelect(id);
    });
    instance.once('load', () => {
      void basemap.then(({ data }) => {
        if (abort.signal.aborted) return;
        addBasemapLayers(instance, data);
        addFinderLayers(instance);
        setMap(instance);
      });
    });
    return () => {
      abort.abort();
      instance.remove();
      setMap(null);
    };
  }, []);

  // Wedges and circle; the view follows a new answer (a reload may bring other cameras).
  useEffect(() => {
    if (!map) return;
    setFinderData(map, search);
    map.fitBounds(finderBounds(search), { padding: 40, maxZoom: 18, duration: 0 });
  }, [map, search]);

  // HTML markers: the map style has no glyphs (offline), so numbers and pictures are elements.
  useEffect(() => {
    if (!map) return;
    const markers: Marker[] = [];
    const place = element('div', 'finder-map-place', 'finder-map-place');
    place.title =
      search.uncertaintyM > 0
        ? t('finder.placeWithin', { radius: formatNumber(Math.round(search.uncertaintyM), language) })
        : t('finder.place');
    markers.push(new Marker({ element: place }).setLngLat([search.place.lon, search.place.lat]).addTo(map));

    search.events.forEach((event: NearEvent) => {
      const node = element('div', 'finder-map-event', 'finder-event-marker');
      node.dataset.eventId = String(event.id);
      node.title = eventText(event);
      // MapLibre positions the marker element with a transform: the diamond is turned inside it.
      const diamond = node.appendChild(document.createElement('span'));
      diamond.style.background =
        SEVERITY_COLORS[event.severity as keyof typeof SEVERITY_COLORS] ?? SEVERITY_COLORS.info;
      markers.push(
        new Marker({ element: node }).setLngLat([event.location.lon, event.location.lat]).addTo(map),
      );
    });

    const byId = cameraMarkers.current;
    byId.clear();
    // Worst rank first, so the best sits on top where markers overlap.
    [...search.cameras]
      .sort((a, b) => b.rank - a.rank)
      .forEach((camera) => {
        const node = element('button', 'finder-map-camera', 'finder-map-camera');
        node.textContent = String(camera.rank);
        node.dataset.cameraId = String(camera.cameraId);
        node.dataset.rank = String(camera.rank);
        node.style.borderColor = BASIS_COLORS[camera.basis];
        const label = t('finder.mapCamera', { rank: camera.rank, name: cameraName(camera, language) });
        node.title = label;
        node.setAttribute('aria-label', label);
        node.addEventListener('mouseenter', () => handlers.current.onHover(camera.cameraId));
        node.addEventListener('mouseleave', () => handlers.current.onHover(null));
        node.addEventListener('click', (e) => {
          e.stopPropagation();
          handlers.current.onSelect(camera.cameraId);
        });
        byId.set(camera.cameraId, node);
        markers.push(
          new Marker({ element: node }).setLngLat([camera.location.lon, camera.location.lat]).addTo(map),
        );
      });
    return () => {
      markers.forEach((marker) => marker.remove());
      byId.clear();
    };
  }, [map, search, language, t, eventText]);

  // Lit: the hovered and the selected camera, on the map as in the list.
  useEffect(() => {
    if (!map) return;
    const lit = [hovered, selected].filter((id): id is number => id !== null);
    highlightCones(
      map,
      lit,
      search.cameras.map((c) => c.cameraId),
    );
    for (const [id, node] of cameraMarkers.current) {
      node.classList.toggle('lit', lit.includes(id));
      node.classList.toggle('selected', id === selected);
      // The marker's wrapper is the element itself: lift the lit one over its neighbours.
      node.style.zIndex = lit.includes(id) ? '2' : '';
    }
  }, [map, search, hovered, selected, language]);

  // A camera picked in the list is brought into view when it is off the map.
  useEffect(() => {
    if (!map || selected === null) return;
    const camera = search.cameras.find((c) => c.cameraId === selected);
    if (camera && !map.getBounds().contains([camera.location.lon, camera.location.lat])) {
      map.easeTo({ center: [camera.location.lon, camera.location.lat] });
    }
  }, [map, search, selected]);

  return (
    <div className="finder-map" data-testid="finder-map" data-ready={map !== null}>
      <div ref={containerRef} className="finder-map-canvas" role="region" aria-label={t('finder.mapLabel')} />
      <ul className="finder-legend">
        <li>
          <span className="finder-legend-place" />
          {t('finder.legend.place')}
        </li>
        {FINDER_BASES.map((basis) => (
          <li key={basis}>
            <span className="finder-legend-cone" style={{ background: BASIS_COLORS[basis] }} />
            {t(`finder.basis.${basis}`)}
          </li>
        ))}
        <li>
          <span className="finder-legend-event" />
          {t('finder.legend.event')}
        </li>
      </ul>
    </div>
  );
}
