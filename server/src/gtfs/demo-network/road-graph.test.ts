// Small: the road graph (snapping, T-junctions, gap bridges, anchors), shortest paths, stop spacing and blocks.
import { describe, expect, it } from 'vitest';
import { haversineM, type LonLat } from '../geodesy';
import { buildRoadGraph, shortestPath, type RoadLine } from './road-graph';
import { spacedStops } from './polyline';
import { departureTimes, planTrips } from './timetable';
import { MIN_LAYOVER_S, NIGHT_HEADWAY_S, SERVICE_END_S, SERVICE_START_S } from './demo-routes';

// About 108 m per 0.001° of longitude and 110.6 m per 0.001° of latitude at 13.7° N.
const line = (coords: LonLat[], roadClass: RoadLine['roadClass'] = 'primary'): RoadLine => ({
  coords,
  roadClass,
});

describe('road graph', () => {
  it('joins a road that ends 40 m from the side of another (T-junction), without a bridge', () => {
    const main = line([
      [101.0, 13.7],
      [101.02, 13.7],
    ]);
    const side = line([
      [101.01, 13.70036],
      [101.01, 13.72],
    ]);
    const graph = buildRoadGraph(
      [main, side],
      [
        [101.0, 13.7],
        [101.01, 13.72],
      ],
    );
    const path = shortestPath(graph, graph.anchorNodes[0]!, graph.anchorNodes[1]!);
    expect(path).not.toBeNull();
    expect(graph.bridges).toEqual([]);
    // 1.08 km along the main road, then 2.2 km up the side road.
    expect(path!.lengthM).toBeGreaterThan(3200);
    expect(path!.lengthM).toBeLessThan(3350);
  });

  it('bridges a 300 m gap but not a 2 km one', () => {
    const a = line([
      [101.0, 13.7],
      [101.01, 13.7],
    ]);
    const near = line([
      [101.0128, 13.7],
      [101.03, 13.7],
    ]);
    const far = line([
      [101.05, 13.7],
      [101.06, 13.7],
    ]);
    const graph = buildRoadGraph(
      [a, near, far],
      [
        [101.0, 13.7],
        [101.03, 13.7],
        [101.06, 13.7],
      ],
    );
    expect(graph.bridges).toHaveLength(1);
    expect(graph.bridges[0]!.lengthM).toBeGreaterThan(250);
    expect(graph.bridges[0]!.lengthM).toBeLessThan(350);
    expect(shortestPath(graph, graph.anchorNodes[0]!, graph.anchorNodes[1]!)).not.toBeNull();
    expect(shortestPath(graph, graph.anchorNodes[0]!, graph.anchorNodes[2]!)).toBeNull();
  });

  it('takes the shorter of two roads and puts anchors on the nearest road, not the nearest vertex', () => {
    const straight = line([
      [101.0, 13.7],
      [101.05, 13.7],
    ]);
    const detour = line([
      [101.0, 13.7],
      [101.025, 13.73],
      [101.05, 13.7],
    ]);
    const anchor: LonLat = [101.02, 13.702];
    const graph = buildRoadGraph([detour, straight], [[101.0, 13.7], anchor]);
    expect(graph.anchorOffsetsM[1]).toBeLessThan(250);
    expect(haversineM(graph.nodes[graph.anchorNodes[1]!]!, [101.02, 13.7])).toBeLessThan(1);
    const path = shortestPath(graph, graph.anchorNodes[0]!, graph.anchorNodes[1]!)!;
    expect(path.lengthM).toBeCloseTo(haversineM([101.0, 13.7], [101.02, 13.7]), 0);
  });
});

describe('stop spacing', () => {
  it('spaces stops evenly within 600–1500 m', () => {
    for (const length of [1300, 2500, 7400, 35_000]) {
      const stops = [0, ...spacedStops(0, length), length];
      const gaps = stops.slice(1).map((d, i) => d - stops[i]!);
      for (const gap of gaps) {
        expect(gap).toBeGreaterThanOrEqual(600);
        expect(gap).toBeLessThanOrEqual(1500);
      }
    }
    expect(spacedStops(0, 900)).toEqual([]);
  });
});

describe('timetable blocks', () => {
  it('runs every headway from 05:30 to 21:00 both ways, then hourly through the night until the next morning', () => {
    const trips = planTrips('R', 20 * 60, [50 * 60, 55 * 60]);
    for (const direction of [0, 1]) {
      const departures = trips.filter((t) => t.direction === direction).map((t) => t.departS);
      expect(departures[0]).toBe(SERVICE_START_S);
      const day = departures.filter((d) => d <= SERVICE_END_S);
      expect(day.at(-1)).toBe(20 * 3600 + 50 * 60);
      expect(day.slice(1).every((d, i) => d - day[i]! === 20 * 60)).toBe(true);
      // The night: 21:50, 22:50 … 28:50 (04:50 next morning), times past 24:00 on the same service day.
      const night = departures.slice(day.length);
      expect(night[0]).toBe(day.at(-1)! + NIGHT_HEADWAY_S);
      expect(night.slice(1).every((d, i) => d - night[i]! === NIGHT_HEADWAY_S)).toBe(true);
      expect(night.at(-1)).toBe(28 * 3600 + 50 * 60);
      expect(night.at(-1)! + NIGHT_HEADWAY_S).toBeGreaterThanOrEqual(SERVICE_START_S + 24 * 3600);
    }
    expect(departureTimes(15 * 60).filter((d) => d > SERVICE_END_S)[0]).toBe(22 * 3600);
    const byBlock = new Map<string, typeof trips>();
    for (const trip of trips) byBlock.set(trip.blockId, [...(byBlock.get(trip.blockId) ?? []), trip]);
    // A cycle of 50 + 55 min plus two layovers needs about 6-7 buses at a 20-minute headway.
    expect(byBlock.size).toBeGreaterThanOrEqual(6);
    expect(byBlock.size).toBeLessThanOrEqual(8);
    for (const blockTrips of byBlock.values()) {
      for (let i = 1; i < blockTrips.length; i++) {
        expect(blockTrips[i]!.direction).not.toBe(blockTrips[i - 1]!.direction);
        expect(blockTrips[i]!.departS - blockTrips[i - 1]!.arriveS).toBeGreaterThanOrEqual(MIN_LAYOVER_S);
      }
    }
    // Two or three buses work the night, the blocks that start last in the morning: here each is free again
    // before its block's first trip of the next day.
    const nightBlocks = new Set(trips.filter((t) => t.departS > 23 * 3600).map((t) => t.blockId));
    expect(nightBlocks.size).toBeGreaterThanOrEqual(2);
    expect(nightBlocks.size).toBeLessThanOrEqual(3);
    for (const block of nightBlocks) {
      const own = byBlock.get(block)!;
      expect(own.at(-1)!.arriveS + MIN_LAYOVER_S - 24 * 3600).toBeLessThanOrEqual(own[0]!.departS);
    }
  });
});
