// Ranked road sections: a numbered circle at each, black spots in strong red with a white ring; rank 1 on top.
import type { ExpressionSpecification, MapLibreMap } from 'maplibre-gl';
import type { RoadSection } from '@toc/server/schemas';
import { setSourceData } from '../../map/layers/set-source-data';
import { CRASH_EXTRA_LAYER_IDS, CRASH_LAYER_IDS, CRASH_SOURCE_IDS } from './crash-layer-ids';
import { EMPTY_COLLECTION, sectionPoints } from './crash-features';
import { SECTION_COLORS } from './crash-map-palette';
import { numberIcon } from './number-icons';

const isBlackSpot: ExpressionSpecification = ['==', ['get', 'blackSpot'], true];

export function addSectionsLayers(map: MapLibreMap): void {
  map.addSource(CRASH_SOURCE_IDS.sections, { type: 'geojson', data: EMPTY_COLLECTION });
  map.addLayer({
    id: CRASH_LAYER_IDS.sections,
    type: 'circle',
    source: CRASH_SOURCE_IDS.sections,
    // Higher keys are drawn later: the best-ranked section stays visible where sections overlap.
    layout: { 'circle-sort-key': ['-', 0, ['to-number', ['get', 'rank']]] },
    paint: {
      'circle-radius': ['case', isBlackSpot, 12, 11],
      'circle-color': ['case', isBlackSpot, SECTION_COLORS.blackSpot, SECTION_COLORS.section],
      'circle-stroke-color': ['case', isBlackSpot, SECTION_COLORS.blackSpotRing, SECTION_COLORS.sectionRing],
      'circle-stroke-width': ['case', isBlackSpot, 2.5, 1.5],
    },
  });
  map.addLayer({
    id: CRASH_EXTRA_LAYER_IDS.sectionsRank,
    type: 'symbol',
    source: CRASH_SOURCE_IDS.sections,
    layout: {
      'icon-image': numberIcon('rank'),
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
      'symbol-sort-key': ['-', 0, ['to-number', ['get', 'rank']]],
    },
  });
}

export function setSections(map: MapLibreMap, sections: readonly RoadSection[]): void {
  setSourceData(map, CRASH_SOURCE_IDS.sections, sectionPoints(sections));
}
