// Great-circle distances in metres (haversine on the mean Earth radius; enough for bus-scale lengths).

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

export type LonLat = readonly [number, number];

export function haversineM(a: LonLat, b: LonLat): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLon = (b[0] - a[0]) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Cumulative metres at each vertex of a line; the last value is its length. */
export function cumulativeDistances(points: readonly LonLat[]): number[] {
  const dist = [0];
  for (let i = 1; i < points.length; i++) dist.push(dist[i - 1]! + haversineM(points[i - 1]!, points[i]!));
  return dist;
}
