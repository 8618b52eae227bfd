// Local metric projection of a feed's area: lon/lat to metres east/north of the feed's centre, cheap and exact enough for a city.
export interface Projection {
  lon0: number;
  lat0: number;
}

const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LON_EQUATOR = 111_320;
const RAD = Math.PI / 180;

export function projectionAround(points: ReadonlyArray<{ lon: number; lat: number }>): Projection {
  if (points.length === 0) return { lon0: 0, lat0: 0 };
  let lon = 0;
  let lat = 0;
  for (const p of points) {
    lon += p.lon;
    lat += p.lat;
  }
  return { lon0: lon / points.length, lat0: lat / points.length };
}

/** Sinusoidal about the centre: the east-west scale follows each point's own latitude, so local distances stay true. */
export function toXY(p: Projection, lon: number, lat: number): [number, number] {
  return [(lon - p.lon0) * M_PER_DEG_LON_EQUATOR * Math.cos(lat * RAD), (lat - p.lat0) * M_PER_DEG_LAT];
}

export function toLonLat(p: Projection, x: number, y: number): [number, number] {
  const lat = y / M_PER_DEG_LAT + p.lat0;
  return [x / (M_PER_DEG_LON_EQUATOR * Math.cos(lat * RAD)) + p.lon0, lat];
}
