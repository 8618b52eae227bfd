// Stable ids of the crash analysis map's sources and layers (end-to-end tests query them), and which switch shows which.

/** The main layer of each kind: the one to query for its features. */
export const CRASH_LAYER_IDS = {
  heatmap: 'crash-heatmap-fill',
  points: 'crash-points-circle',
  hotspots: 'crash-hotspots-fill',
  clusters: 'crash-clusters-circle',
  sections: 'crash-sections-circle',
  drawn: 'crash-drawn-fill',
} as const;

/** The layers drawn with them: outlines, number labels, the polygon being drawn. */
export const CRASH_EXTRA_LAYER_IDS = {
  hotspotsLine: 'crash-hotspots-line',
  pointsCount: 'crash-points-count',
  clustersHull: 'crash-clusters-hull',
  clustersCount: 'crash-clusters-count',
  sectionsRank: 'crash-sections-rank',
  drawnLine: 'crash-drawn-line',
  drawingLine: 'crash-drawing-line',
  drawingVertices: 'crash-drawing-vertices',
} as const;

export const CRASH_SOURCE_IDS = {
  heatmap: 'crash-heatmap',
  points: 'crash-points',
  hotspots: 'crash-hotspots',
  clusterHulls: 'crash-cluster-hulls',
  clusterPoints: 'crash-cluster-points',
  sections: 'crash-sections',
  drawn: 'crash-drawn',
  drawing: 'crash-drawing',
} as const;

/** The page's layer switches. */
export interface CrashLayerVisibility {
  heatmap: boolean;
  points: boolean;
  hotspots: boolean;
  clusters: boolean;
  sections: boolean;
}

export const CRASH_LAYER_GROUPS: Record<keyof CrashLayerVisibility, readonly string[]> = {
  heatmap: [CRASH_LAYER_IDS.heatmap],
  points: [CRASH_LAYER_IDS.points, CRASH_EXTRA_LAYER_IDS.pointsCount],
  hotspots: [CRASH_LAYER_IDS.hotspots, CRASH_EXTRA_LAYER_IDS.hotspotsLine],
  clusters: [
    CRASH_EXTRA_LAYER_IDS.clustersHull,
    CRASH_LAYER_IDS.clusters,
    CRASH_EXTRA_LAYER_IDS.clustersCount,
  ],
  sections: [CRASH_LAYER_IDS.sections, CRASH_EXTRA_LAYER_IDS.sectionsRank],
};
