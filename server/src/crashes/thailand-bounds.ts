// Thailand's bounding box with a small margin: a crash outside it has wrong (or swapped) coordinates.
export const THAILAND_BOUNDS = { minLon: 97.3, maxLon: 105.7, minLat: 5.5, maxLat: 20.6 } as const;

export const insideThailand = (lon: number, lat: number): boolean =>
  lon >= THAILAND_BOUNDS.minLon &&
  lon <= THAILAND_BOUNDS.maxLon &&
  lat >= THAILAND_BOUNDS.minLat &&
  lat <= THAILAND_BOUNDS.maxLat;
