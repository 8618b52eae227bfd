// The live crash layer's SQL: recent crashes of every source and camera traffic incidents not dismissed, as GeoJSON.
import type { Queryable } from '../db/pool';
import { SEVERITY_SQL } from '../crashes/crash-filter';
import { TRAFFIC_INCIDENT_TYPES, type LiveCrashCollection, type LiveCrashProperties } from '../schemas';

/** A bound on what one read sends; a province's day holds a few dozen. */
export const LIVE_CRASH_LIMIT = 2000;

interface LiveRow {
  kind: LiveCrashProperties['kind'];
  source: LiveCrashProperties['source'];
  id: number;
  occurred_at: Date;
  severity: LiveCrashProperties['severity'];
  deaths: number | null;
  serious_injuries: number | null;
  minor_injuries: number | null;
  event_type: LiveCrashProperties['eventType'];
  status: LiveCrashProperties['status'];
  event_id: number | null;
  camera_id: number | null;
  lon: number;
  lat: number;
}

/**
 * Crashes that occurred since `since`, and traffic incident events that started since then and were not marked a
 * false alarm. A camera accident an operator confirmed is in the crash store: it comes once, as a crash, so no
 * columns name a person, a plate or an operator's note. Newest first.
 */
export async function liveCrashes(db: Queryable, since: Date): Promise<LiveCrashCollection> {
  const { rows } = await db.query<LiveRow>(
    `SELECT * FROM (
       SELECT 'crash' AS kind, c.source, c.id, c.occurred_at, ${SEVERITY_SQL('c')} AS severity, c.deaths,
              c.serious_injuries, c.minor_injuries, NULL::text AS event_type, NULL::text AS status, c.event_id,
              e.camera_id, ST_X(c.location) AS lon, ST_Y(c.location) AS lat
       FROM crashes c
       LEFT JOIN events e ON e.id = c.event_id
       WHERE c.occurred_at >= $1
       UNION ALL
       SELECT 'incident', 'camera', e.id, e.started_at, e.severity, NULL, NULL, NULL, e.type, e.status, e.id,
              e.camera_id, ST_X(e.location), ST_Y(e.location)
       FROM events e
       WHERE e.started_at >= $1 AND e.type = ANY($2::text[]) AND e.status <> 'false_alarm'
         AND e.location IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM crashes c WHERE c.event_id = e.id)
     ) live
     ORDER BY occurred_at DESC, kind, id
     LIMIT $3`,
    [since, TRAFFIC_INCIDENT_TYPES, LIVE_CRASH_LIMIT],
  );
  return {
    type: 'FeatureCollection',
    since: since.toISOString(),
    features: rows.map((row) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [row.lon, row.lat] },
      properties: {
        kind: row.kind,
        source: row.source,
        id: row.id,
        occurredAt: row.occurred_at.toISOString(),
        severity: row.severity,
        deaths: row.deaths,
        seriousInjuries: row.serious_injuries,
        minorInjuries: row.minor_injuries,
        eventType: row.event_type,
        status: row.status,
        eventId: row.event_id,
        cameraId: row.camera_id,
      },
    })),
  };
}
