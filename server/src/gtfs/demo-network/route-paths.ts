// Lays each demo route on the real major roads: a graph of ../shared/data/roads, shortest paths between its places.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { cumulativeDistances, type LonLat } from '../geodesy';
import { buildRoadGraph, shortestPath, type RoadClass, type RoadGraph, type RoadLine } from './road-graph';
import { SPEED_KMH, type DemoPlace, type DemoRoute } from './demo-routes';

export const ROADS_FILE = path.join('data', 'roads', 'eec_roads_osm_major.geojson');

export interface RoutePath {
  points: LonLat[];
  distM: number[];
  /** Seconds of running (no dwell) from the start to each vertex, from the road class speeds. */
  runS: number[];
  /** Distance along the path of each `via` place, in order. */
  viaM: number[];
}

/** The road lines within a box around the places (the EEC file reaches far beyond Chachoengsao). */
export async function loadRoadLines(
  sharedDir: string,
  around: readonly LonLat[],
  marginDeg = 0.2,
): Promise<RoadLine[]> {
  const collection = JSON.parse(await readFile(path.join(sharedDir, ROADS_FILE), 'utf8')) as {
    features: Array<{ properties: { class: RoadClass }; geometry: { type: string; coordinates: LonLat[] } }>;
  };
  const [minX, maxX] = [
    Math.min(...around.map((p) => p[0])) - marginDeg,
    Math.max(...around.map((p) => p[0])) + marginDeg,
  ];
  const [minY, maxY] = [
    Math.min(...around.map((p) => p[1])) - marginDeg,
    Math.max(...around.map((p) => p[1])) + marginDeg,
  ];
  return collection.features
    .filter(
      (f) =>
        f.geometry.type === 'LineString' &&
        f.geometry.coordinates.some(([x, y]) => x >= minX && x <= maxX && y >= minY && y <= maxY),
    )
    .map((f) => ({ coords: f.geometry.coordinates, roadClass: f.properties.class }));
}

export function buildNetworkGraph(
  lines: RoadLine[],
  places: readonly DemoPlace[],
): { graph: RoadGraph; placeNode: Map<string, number> } {
  const graph = buildRoadGraph(
    lines,
    places.map((p) => p.at),
  );
  return { graph, placeNode: new Map(places.map((p, i) => [p.key, graph.anchorNodes[i]!])) };
}

/** The outbound path through the route's places; throws when the roads do not connect two of them. */
export function layRoute(graph: RoadGraph, placeNode: Map<string, number>, route: DemoRoute): RoutePath {
  const nodes: number[] = [];
  const viaNodeIndex: number[] = [0];
  for (let i = 1; i < route.via.length; i++) {
    const from = placeNode.get(route.via[i - 1]!)!;
    const to = placeNode.get(route.via[i]!)!;
    const leg = shortestPath(graph, from, to);
    if (!leg) throw new Error(`Route ${route.id}: no road from ${route.via[i - 1]} to ${route.via[i]}`);
    nodes.push(...(nodes.length ? leg.nodes.slice(1) : leg.nodes));
    viaNodeIndex.push(nodes.length - 1);
  }
  const points = nodes.map((n) => graph.nodes[n]!);
  const distM = cumulativeDistances(points);
  const runS = [0];
  for (let i = 1; i < nodes.length; i++) {
    const edge = graph.edges[nodes[i - 1]!]!.filter((e) => e.to === nodes[i]).sort(
      (a, b) => a.lengthM - b.lengthM,
    )[0]!;
    runS.push(runS[i - 1]! + (distM[i]! - distM[i - 1]!) / (SPEED_KMH[edge.roadClass] / 3.6));
  }
  return { points, distM, runS, viaM: viaNodeIndex.map((i) => distM[i]!) };
}

/** Running seconds at a distance along the path (linear within a vertex pair). */
export function runAt(path: RoutePath, distanceM: number): number {
  for (let i = 1; i < path.points.length; i++) {
    if (path.distM[i]! >= distanceM) {
      const span = path.distM[i]! - path.distM[i - 1]!;
      const t = span > 0 ? (distanceM - path.distM[i - 1]!) / span : 0;
      return path.runS[i - 1]! + t * (path.runS[i]! - path.runS[i - 1]!);
    }
  }
  return path.runS.at(-1)!;
}

/** The same road the other way: reversed vertices, distances and running times measured from the far end. */
export function reversePath(path: RoutePath): RoutePath {
  const length = path.distM.at(-1)!;
  const total = path.runS.at(-1)!;
  return {
    points: [...path.points].reverse(),
    distM: [...path.distM].reverse().map((d) => length - d),
    runS: [...path.runS].reverse().map((s) => total - s),
    viaM: [...path.viaM].reverse().map((d) => length - d),
  };
}
