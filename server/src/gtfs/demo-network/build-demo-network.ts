// Builds the Chachoengsao demo GTFS folder: routes on real roads between real places, stops, timetable, blocks.
import { haversineM, type LonLat } from '../geodesy';
import { loadAreaNamer, type AreaNamer } from './area-names';
import { DEMO_PLACES, DEMO_ROUTES, type DemoRoute } from './demo-routes';
import { writeGtfsFolder } from './gtfs-files';
import { pointAlong, spacedStops } from './polyline';
import {
  buildNetworkGraph,
  layRoute,
  loadRoadLines,
  reversePath,
  runAt,
  type RoutePath,
} from './route-paths';
import { dwellS, formatGtfsTime, planTrips } from './timetable';

export const DEMO_FEED_NAME = 'chachoengsao';
const SERVICE_ID = 'DAILY';
/** A stop another route already has within this distance is shared rather than duplicated. */
const SHARE_STOP_M = 150;

interface Stop {
  id: string;
  nameTh: string;
  nameEn: string;
  at: LonLat;
}

interface RouteStop {
  stop: Stop;
  distM: number;
}

/** Gives stops ids and names, reusing one within SHARE_STOP_M so routes through the same street share it. */
function stopRegistry(nameArea: AreaNamer) {
  const stops: Stop[] = [];
  const perArea = new Map<string, number>();
  return {
    stops,
    stopAt(at: LonLat, name?: { th: string; en: string }): Stop {
      const near = stops.find((s) => haversineM(s.at, at) <= SHARE_STOP_M);
      if (near) return near;
      let label = name;
      if (!label) {
        const area = nameArea(at);
        const n = (perArea.get(area.en) ?? 0) + 1;
        perArea.set(area.en, n);
        label = { th: `${area.th} ป้าย ${n}`, en: `${area.en} stop ${n}` };
      }
      const stop = {
        id: `CCS-S${String(stops.length + 1).padStart(3, '0')}`,
        nameTh: label.th,
        nameEn: label.en,
        at,
      };
      stops.push(stop);
      return stop;
    },
  };
}

function routeStops(
  route: DemoRoute,
  path: RoutePath,
  registry: ReturnType<typeof stopRegistry>,
): RouteStop[] {
  const places = route.via.map((key) => DEMO_PLACES.find((p) => p.key === key)!);
  const result: RouteStop[] = [];
  for (let i = 0; i < places.length; i++) {
    const atM = path.viaM[i]!;
    result.push({
      stop: registry.stopAt(pointAlong(path.points, path.distM, atM), {
        th: places[i]!.nameTh,
        en: places[i]!.nameEn,
      }),
      distM: atM,
    });
    if (i + 1 < places.length) {
      for (const d of spacedStops(atM, path.viaM[i + 1]!))
        result.push({ stop: registry.stopAt(pointAlong(path.points, path.distM, d)), distM: d });
    }
  }
  return result;
}

export interface DemoNetworkSummary {
  routes: number;
  stops: number;
  trips: number;
  blocks: number;
  lengthsM: Record<string, number>;
  bridgesM: number[];
}

/**
 * The days the demo timetable runs: from the start of last year to the end of the tenth year after the build (a
 * fixed end date once made the demo stop on 1 January of that year).
 */
export function demoServicePeriod(builtAt: Date): { startDate: string; endDate: string } {
  const year = Number(new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Bangkok', year: 'numeric' }).format(builtAt));
  return { startDate: `${year - 1}0101`, endDate: `${year + 10}1231` };
}

export async function buildDemoNetwork(sharedDir: string, outDir: string, builtAt: Date = new Date()): Promise<DemoNetworkSummary> {
  const period = demoServicePeriod(builtAt);
  const lines = await loadRoadLines(
    sharedDir,
    DEMO_PLACES.map((p) => p.at),
  );
  const { graph, placeNode } = buildNetworkGraph(lines, DEMO_PLACES);
  const registry = stopRegistry(await loadAreaNamer(sharedDir));
  const rows = {
    routes: [] as (string | number)[][],
    trips: [] as (string | number)[][],
    stopTimes: [] as (string | number)[][],
    shapes: [] as (string | number)[][],
    translations: [] as string[][],
  };
  const lengthsM: Record<string, number> = {};
  const blocks = new Set<string>();

  DEMO_ROUTES.forEach((route, routeIndex) => {
    const outbound = layRoute(graph, placeNode, route);
    lengthsM[route.id] = Math.round(outbound.distM.at(-1)!);
    const stopsOut = routeStops(route, outbound, registry);
    const paths = [outbound, reversePath(outbound)] as const;
    const stopsByDirection = [
      stopsOut,
      [...stopsOut].reverse().map((s) => ({ stop: s.stop, distM: outbound.distM.at(-1)! - s.distM })),
    ] as const;
    // Offsets from the first departure to each stop's arrival and departure, per direction.
    const offsets = stopsByDirection.map((stops, direction) => {
      let dwellSoFar = 0;
      return stops.map((s, i) => {
        const arrive = runAt(paths[direction]!, s.distM) + dwellSoFar;
        const dwell = i === 0 || i === stops.length - 1 ? 0 : dwellS(i, routeIndex + direction);
        dwellSoFar += dwell;
        return { arrive, depart: arrive + dwell };
      });
    });
    const runS: [number, number] = [offsets[0]!.at(-1)!.arrive, offsets[1]!.at(-1)!.arrive];
    const first = DEMO_PLACES.find((p) => p.key === route.via[0])!;
    const last = DEMO_PLACES.find((p) => p.key === route.via.at(-1))!;
    const headsigns = [last, first];

    rows.routes.push([route.id, 'CCSBUS', route.shortName, route.nameTh, 3, route.color, 'FFFFFF']);
    rows.translations.push(
      ['routes', 'route_long_name', 'th', route.nameTh, route.id],
      ['routes', 'route_long_name', 'en', route.nameEn, route.id],
    );
    paths.forEach((p, direction) => {
      p.points.forEach(([lon, lat], i) =>
        rows.shapes.push([
          `${route.id}-${direction}`,
          lat.toFixed(6),
          lon.toFixed(6),
          i + 1,
          p.distM[i]!.toFixed(1),
        ]),
      );
    });

    for (const trip of planTrips(route.id, route.headwayMin * 60, runS)) {
      const tripId = `${route.id}-${trip.direction}-${formatGtfsTime(trip.departS).slice(0, 5).replace(':', '')}`;
      blocks.add(trip.blockId);
      const headsign = headsigns[trip.direction]!;
      rows.trips.push([
        route.id,
        SERVICE_ID,
        tripId,
        headsign.nameTh,
        trip.direction,
        trip.blockId,
        `${route.id}-${trip.direction}`,
      ]);
      stopsByDirection[trip.direction]!.forEach((s, i) => {
        const o = offsets[trip.direction]![i]!;
        rows.stopTimes.push([
          tripId,
          formatGtfsTime(trip.departS + o.arrive),
          formatGtfsTime(trip.departS + o.depart),
          s.stop.id,
          i + 1,
          s.distM.toFixed(1),
          i === 0 || i === stopsByDirection[trip.direction]!.length - 1 ? 1 : 0,
        ]);
      });
    }
  });
  for (const place of DEMO_PLACES)
    rows.translations.push(
      ['trips', 'trip_headsign', 'th', place.nameTh, '', place.nameTh],
      ['trips', 'trip_headsign', 'en', place.nameEn, '', place.nameTh],
    );
  for (const stop of registry.stops)
    rows.translations.push(
      ['stops', 'stop_name', 'th', stop.nameTh, stop.id],
      ['stops', 'stop_name', 'en', stop.nameEn, stop.id],
    );

  await writeGtfsFolder(outDir, {
    'agency.txt': {
      header: ['agency_id', 'agency_name', 'agency_url', 'agency_timezone', 'agency_lang'],
      rows: [
        ['CCSBUS', 'รถโดยสารฉะเชิงเทรา (ข้อมูลสาธิต)', 'https://www.chachoengsao.go.th/', 'Asia/Bangkok', 'th'],
      ],
    },
    'stops.txt': {
      header: ['stop_id', 'stop_code', 'stop_name', 'stop_lat', 'stop_lon', 'location_type'],
      rows: registry.stops.map((s) => [
        s.id,
        s.id.slice(5),
        s.nameTh,
        s.at[1].toFixed(6),
        s.at[0].toFixed(6),
        0,
      ]),
    },
    'routes.txt': {
      header: [
        'route_id',
        'agency_id',
        'route_short_name',
        'route_long_name',
        'route_type',
        'route_color',
        'route_text_color',
      ],
      rows: rows.routes,
    },
    'calendar.txt': {
      header: [
        'service_id',
        'monday',
        'tuesday',
        'wednesday',
        'thursday',
        'friday',
        'saturday',
        'sunday',
        'start_date',
        'end_date',
      ],
      rows: [[SERVICE_ID, 1, 1, 1, 1, 1, 1, 1, period.startDate, period.endDate]],
    },
    'trips.txt': {
      header: ['route_id', 'service_id', 'trip_id', 'trip_headsign', 'direction_id', 'block_id', 'shape_id'],
      rows: rows.trips,
    },
    'stop_times.txt': {
      header: [
        'trip_id',
        'arrival_time',
        'departure_time',
        'stop_id',
        'stop_sequence',
        'shape_dist_traveled',
        'timepoint',
      ],
      rows: rows.stopTimes,
    },
    'shapes.txt': {
      header: ['shape_id', 'shape_pt_lat', 'shape_pt_lon', 'shape_pt_sequence', 'shape_dist_traveled'],
      rows: rows.shapes,
    },
    'translations.txt': {
      header: ['table_name', 'field_name', 'language', 'translation', 'record_id', 'field_value'],
      rows: rows.translations,
    },
  });
  return {
    routes: DEMO_ROUTES.length,
    stops: registry.stops.length,
    trips: rows.trips.length,
    blocks: blocks.size,
    lengthsM,
    bridgesM: graph.bridges.map((b) => Math.round(b.lengthM)),
  };
}
