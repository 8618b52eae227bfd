// One fix as an OsmAnd HTTP request (the protocol Traccar accepts): the URL, and a sender reusing connections.

export interface OsmAndFix {
  lon: number;
  lat: number;
  fixTime: Date;
  speedKmh: number | null;
  bearingDeg: number | null;
  accuracyM: number | null;
  altitudeM?: number | null;
}

const KNOTS_PER_KMH = 1 / 1.852;

/**
 * GET URL for one fix: speed in knots, timestamp in unix seconds, as OsmAnd clients send. The key goes in the
 * X-Device-Key header (see sendOsmAnd), so it stays out of URLs and access logs.
 */
export function osmAndUrl(serverUrl: string, uniqueId: string, fix: OsmAndFix): string {
  const url = new URL('/api/gps/osmand', serverUrl);
  const q = url.searchParams;
  q.set('id', uniqueId);
  q.set('lat', fix.lat.toFixed(6));
  q.set('lon', fix.lon.toFixed(6));
  q.set('timestamp', String(Math.floor(fix.fixTime.getTime() / 1000)));
  if (fix.speedKmh !== null) q.set('speed', (fix.speedKmh * KNOTS_PER_KMH).toFixed(2));
  if (fix.bearingDeg !== null) q.set('bearing', fix.bearingDeg.toFixed(1));
  if (fix.altitudeM !== null && fix.altitudeM !== undefined) q.set('altitude', fix.altitudeM.toFixed(1));
  if (fix.accuracyM !== null) q.set('accuracy', fix.accuracyM.toFixed(1));
  return url.toString();
}

/** Sends with Node's fetch, whose pool keeps connections alive between requests; resolves to the status (0 = no reply). */
export async function sendOsmAnd(url: string, key: string, timeoutMs = 10_000): Promise<number> {
  try {
    const response = await fetch(url, { method: 'GET', headers: { 'x-device-key': key }, signal: AbortSignal.timeout(timeoutMs) });
    // Drain the body so the connection goes back to the pool.
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}
