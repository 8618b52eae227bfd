// Pure road graph from GeoJSON line vertices: nearby vertices merged, T-junctions snapped, gaps bridged; Dijkstra paths.
import { haversineM, type LonLat } from '../geodesy';

export type RoadClass = 'motorway' | 'trunk' | 'primary';

export interface RoadLine {
  coords: LonLat[];
  roadClass: RoadClass;
}

export interface RoadEdge {
  to: number;
  lengthM: number;
  roadClass: RoadClass;
  /** A short link added across a gap the simplified data leaves at junctions and bridges. */
  bridge: boolean;
}

export interface RoadGraph {
  nodes: LonLat[];
  edges: RoadEdge[][];
  bridges: Array<{ from: number; to: number; lengthM: number }>;
}

export interface GraphOptions {
  /** Vertices closer than this are one node; a line end this close to another line joins it. */
  snapM: number;
  /** A dead end this close to a road it cannot otherwise reach is linked to it. */
  bridgeM: number;
}

interface Segment {
  a: number;
  b: number;
  roadClass: RoadClass;
}

/** Flat metres around a latitude: plenty for deciding what is within a few hundred metres. */
const projector = (lat0: number) => {
  const kx = 111_320 * Math.cos((lat0 * Math.PI) / 180);
  return ([lon, lat]: LonLat): [number, number] => [lon * kx, lat * 110_540];
};

/**
 * `anchors` (stops, terminals) become nodes on the nearest road, so a path can start and end beside a real place
 * even where the simplified lines have vertices kilometres apart.
 */
export function buildRoadGraph(
  lines: readonly RoadLine[],
  anchors: readonly LonLat[] = [],
  options: GraphOptions = { snapM: 60, bridgeM: 700 },
): RoadGraph & { anchorNodes: number[]; anchorOffsetsM: number[] } {
  const all = lines.flatMap((l) => l.coords);
  const project = projector(all.reduce((sum, c) => sum + c[1], 0) / Math.max(all.length, 1));
  const nodes: LonLat[] = [];
  const xy: Array<[number, number]> = [];
  const grid = new Map<string, number[]>();
  const cell = (p: [number, number]): [number, number] => [
    Math.floor(p[0] / options.snapM),
    Math.floor(p[1] / options.snapM),
  ];

  const nodeAt = (coord: LonLat): number => {
    const p = project(coord);
    const [cx, cy] = cell(p);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const id of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
          if (Math.hypot(xy[id]![0] - p[0], xy[id]![1] - p[1]) <= options.snapM) return id;
        }
      }
    }
    nodes.push(coord);
    xy.push(p);
    const key = `${cx},${cy}`;
    grid.set(key, [...(grid.get(key) ?? []), nodes.length - 1]);
    return nodes.length - 1;
  };

  const segments: Segment[] = [];
  const lineEnds = new Set<number>();
  for (const line of lines) {
    const ids = line.coords.map(nodeAt);
    lineEnds.add(ids[0]!).add(ids.at(-1)!);
    for (let i = 1; i < ids.length; i++)
      if (ids[i - 1] !== ids[i]) segments.push({ a: ids[i - 1]!, b: ids[i]!, roadClass: line.roadClass });
  }
  const bridges: RoadGraph['bridges'] = [];
  const links: Array<{ from: number; to: number; bridge: boolean }> = [];

  /** The nearest point of any segment not touching `node`, as [segment index, t along it, metres away]. */
  const nearestSegment = (node: number, accept: (s: Segment) => boolean) => {
    const p = xy[node]!;
    let best: { index: number; t: number; distance: number } | null = null;
    segments.forEach((s, index) => {
      if (s.a === node || s.b === node || !accept(s)) return;
      const a = xy[s.a]!;
      const b = xy[s.b]!;
      const [vx, vy] = [b[0] - a[0], b[1] - a[1]];
      const t = Math.max(
        0,
        Math.min(1, ((p[0] - a[0]) * vx + (p[1] - a[1]) * vy) / (vx * vx + vy * vy || 1)),
      );
      const distance = Math.hypot(a[0] + t * vx - p[0], a[1] + t * vy - p[1]);
      if (!best || distance < best.distance) best = { index, t, distance };
    });
    return best as { index: number; t: number; distance: number } | null;
  };

  /** Splits a segment at t (reusing an end when t is at it) and returns the node there. */
  const splitAt = (index: number, t: number): number => {
    const s = segments[index]!;
    if (t < 0.02) return s.a;
    if (t > 0.98) return s.b;
    const a = nodes[s.a]!;
    const b = nodes[s.b]!;
    const id = nodes.length;
    nodes.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
    xy.push(project(nodes[id]!));
    segments[index] = { ...s, b: id };
    segments.push({ a: id, b: s.b, roadClass: s.roadClass });
    return id;
  };

  // Roads come as one line per direction, so a dead end can have two neighbours: every line end is a candidate.
  const deadEnds = [...lineEnds];
  // T-junctions: a line that stops on another line's side (not at a vertex) joins it there.
  for (const node of deadEnds) {
    const near = nearestSegment(node, () => true);
    if (near && near.distance <= options.snapM)
      links.push({ from: node, to: splitAt(near.index, near.t), bridge: false });
  }

  // Gaps: a dead end still cut off from a nearby road gets a bridge to it, nearest first.
  const parent = nodes.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number) => (parent[find(a)] = find(b));
  const grow = () => {
    while (parent.length < nodes.length) parent.push(parent.length);
  };
  grow();
  for (const s of segments) union(s.a, s.b);
  for (const l of links) union(l.from, l.to);
  const candidates = deadEnds
    .map((node) => ({ node, near: nearestSegment(node, (s) => find(s.a) !== find(node)) }))
    .filter((c) => c.near && c.near.distance <= options.bridgeM)
    .sort((x, y) => x.near!.distance - y.near!.distance);
  for (const { node } of candidates) {
    const near = nearestSegment(node, (s) => find(s.a) !== find(node));
    if (!near || near.distance > options.bridgeM) continue;
    const to = splitAt(near.index, near.t);
    grow();
    union(node, to);
    links.push({ from: node, to, bridge: true });
  }

  const anchorOffsetsM: number[] = [];
  const anchorNodes = anchors.map((anchor) => {
    const p = project(anchor);
    nodes.push(anchor);
    xy.push(p);
    const near = nearestSegment(nodes.length - 1, () => true)!;
    anchorOffsetsM.push(near.distance);
    nodes.pop();
    xy.pop();
    return splitAt(near.index, near.t);
  });

  const edges: RoadEdge[][] = nodes.map(() => []);
  const connect = (a: number, b: number, roadClass: RoadClass, bridge: boolean) => {
    const lengthM = haversineM(nodes[a]!, nodes[b]!);
    edges[a]!.push({ to: b, lengthM, roadClass, bridge });
    edges[b]!.push({ to: a, lengthM, roadClass, bridge });
    if (bridge) bridges.push({ from: a, to: b, lengthM });
  };
  for (const s of segments) connect(s.a, s.b, s.roadClass, false);
  for (const l of links) connect(l.from, l.to, 'primary', l.bridge);
  return { nodes, edges, bridges, anchorNodes, anchorOffsetsM };
}

export function nearestNode(graph: RoadGraph, point: LonLat): { node: number; distanceM: number } {
  let best = { node: -1, distanceM: Infinity };
  graph.nodes.forEach((coord, node) => {
    if (graph.edges[node]!.length === 0) return;
    const distanceM = haversineM(coord, point);
    if (distanceM < best.distanceM) best = { node, distanceM };
  });
  return best;
}

/** Shortest path by length (Dijkstra with a binary heap); null when the two nodes are not connected. */
export function shortestPath(
  graph: RoadGraph,
  from: number,
  to: number,
): { nodes: number[]; lengthM: number } | null {
  const dist = new Float64Array(graph.nodes.length).fill(Infinity);
  const previous = new Int32Array(graph.nodes.length).fill(-1);
  const heap: Array<[number, number]> = [[0, from]];
  dist[from] = 0;
  const push = (item: [number, number]) => {
    heap.push(item);
    for (let i = heap.length - 1; i > 0;) {
      const up = (i - 1) >> 1;
      if (heap[up]![0] <= heap[i]![0]) break;
      [heap[up], heap[i]] = [heap[i]!, heap[up]!];
      i = up;
    }
  };
  const pop = (): [number, number] => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ;) {
        const [l, r] = [2 * i + 1, 2 * i + 2];
        let m = i;
        if (l < heap.length && heap[l]![0] < heap[m]![0]) m = l;
        if (r < heap.length && heap[r]![0] < heap[m]![0]) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i]!, heap[m]!];
        i = m;
      }
    }
    return top;
  };
  while (heap.length > 0) {
    const [d, node] = pop();
    if (d > dist[node]!) continue;
    if (node === to) break;
    for (const edge of graph.edges[node]!) {
      const next = d + edge.lengthM;
      if (next < dist[edge.to]!) {
        dist[edge.to] = next;
        previous[edge.to] = node;
        push([next, edge.to]);
      }
    }
  }
  if (!Number.isFinite(dist[to]!)) return null;
  const path = [to];
  while (path[0] !== from) path.unshift(previous[path[0]!]!);
  return { nodes: path, lengthM: dist[to]! };
}
