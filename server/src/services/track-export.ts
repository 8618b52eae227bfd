// Pure conversion of a vehicle's track into GeoJSON (a LineString plus one Point per fix) or GPX 1.1.
import type { TrackPoint } from '../repositories/gps-track.repository';
import type { VehicleTrack } from '../schemas';

export interface TrackMeta {
  vehicleId: number;
  vehicleLabel: string;
  from: Date;
  to: Date;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

export function trackToGeoJson(meta: TrackMeta, points: readonly TrackPoint[]): VehicleTrack {
  const features: VehicleTrack['features'] = [];
  if (points.length >= 2) {
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: points.map((p) => [round(p.lon, 7), round(p.lat, 7)]) },
      properties: { kind: 'track', points: points.length },
    });
  }
  for (const p of points) {
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [round(p.lon, 7), round(p.lat, 7)] },
      properties: {
        kind: 'fix',
        time: p.time.toISOString(),
        speedKmh: p.speedKmh,
        bearingDeg: p.bearingDeg,
        altitudeM: p.altitudeM,
        accuracyM: p.accuracyM,
        current: p.current,
      },
    });
  }
  return {
    type: 'FeatureCollection',
    vehicleId: meta.vehicleId,
    vehicleLabel: meta.vehicleLabel,
    from: meta.from.toISOString(),
    to: meta.to.toISOString(),
    features,
  };
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
const xml = (text: string) => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

/**
 * GPX 1.1 has no speed or course on a track point; Garmin's TrackPointExtension v2 (read by most GPX tools)
 * carries them, speed in metres per second.
 */
export function trackToGpx(meta: TrackMeta, points: readonly TrackPoint[]): string {
  const trkpts = points.map((p) => {
    const parts = [`<trkpt lat="${round(p.lat, 7)}" lon="${round(p.lon, 7)}">`];
    if (p.altitudeM !== null) parts.push(`<ele>${round(p.altitudeM, 1)}</ele>`);
    parts.push(`<time>${p.time.toISOString()}</time>`);
    const extension: string[] = [];
    if (p.speedKmh !== null) extension.push(`<gpxtpx:speed>${round(p.speedKmh / 3.6, 2)}</gpxtpx:speed>`);
    if (p.bearingDeg !== null) extension.push(`<gpxtpx:course>${round(p.bearingDeg, 1)}</gpxtpx:course>`);
    if (extension.length)
      parts.push(
        `<extensions><gpxtpx:TrackPointExtension>${extension.join('')}</gpxtpx:TrackPointExtension></extensions>`,
      );
    parts.push('</trkpt>');
    return `      ${parts.join('')}`;
  });
  const name = xml(`${meta.vehicleLabel} ${meta.from.toISOString()} – ${meta.to.toISOString()}`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gpx version="1.1" creator="Chachoengsao Traffic Operations Center" xmlns="http://www.topografix.com/GPX/1/1"',
    '     xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v2"',
    '     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '     xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd">',
    `  <metadata><name>${name}</name><time>${meta.to.toISOString()}</time></metadata>`,
    `  <trk><name>${xml(meta.vehicleLabel)}</name>`,
    '    <trkseg>',
    ...trkpts,
    '    </trkseg>',
    '  </trk>',
    '</gpx>',
    '',
  ].join('\n');
}
