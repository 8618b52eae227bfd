// Medium: the control room's live crash layer (real PostGIS and Redis): the last 24 hours of crashes and camera
// traffic incidents, who may read it, and the `crashes.changed` socket message when an operator confirms an accident.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  CrashesChangedMessage,
  LiveCrashCollection,
  Role,
  ServerToClientEvents,
} from '../src/schemas';
import { startCrashApp, type CrashApp } from './crash-data';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const HOUR_MS = 60 * 60 * 1000;
let crashApp: CrashApp;
let baseUrl: string;

const hoursAgo = (hours: number) => new Date(Date.now() - hours * HOUR_MS).toISOString();

async function insertCrash(key: string, occurredAt: string, deaths: number): Promise<number> {
  const { rows } = await crashApp.app.db.query<{ id: number }>(
    `INSERT INTO crashes (source, source_key, occurred_at, year, location, deaths, serious_injuries, notes)
     VALUES ('doh_csv', $1, $2, extract(year FROM $2::timestamptz)::smallint,
             ST_SetSRID(ST_MakePoint(101.0747, 13.6905), 4326), $3, 1, ARRAY['a note no one may read'])
     RETURNING id`,
    [key, occurredAt, deaths],
  );
  return rows[0]!.id;
}

async function insertEvent(type: string, status: string, startedAt: string): Promise<number> {
  const { rows } = await crashApp.app.db.query<{ id: number }>(
    `INSERT INTO events (type, severity, status, location, started_at, note)
     VALUES ($1, 'high', $2, ST_SetSRID(ST_MakePoint(101.08, 13.70), 4326), $3, 'plate 1กข 1234')
     RETURNING id`,
    [type, status, startedAt],
  );
  return rows[0]!.id;
}

function connect(role: Role): Promise<{ socket: Client; changes: CrashesChangedMessage[] }> {
  const changes: CrashesChangedMessage[] = [];
  const socket: Client = io(baseUrl, {
    auth: { token: crashApp.tokens[role] },
    transports: ['websocket'],
    reconnection: false,
  });
  socket.on('crashes.changed', (message) => changes.push(message));
  return new Promise((resolve, reject) => {
    socket.on('connect', () => resolve({ socket, changes }));
    socket.on('connect_error', reject);
  });
}

const until = async (condition: () => boolean, timeoutMs = 5000) => {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
};

const readLayer = async (role: Role = 'operator') => {
  const reply = await crashApp.get('/api/crashes/last-24h', role);
  expect(reply.statusCode).toBe(200);
  return reply.json<LiveCrashCollection>();
};

beforeAll(async () => {
  crashApp = await startCrashApp({ listen: true, crashes: false });
  const address = crashApp.app.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await crashApp?.close();
});

describe('GET /api/crashes/last-24h', () => {
  it('returns the recent crashes and undismissed camera incidents, nothing older and nothing personal', async () => {
    const recentCrash = await insertCrash('live-recent', hoursAgo(2), 1);
    await insertCrash('live-old', hoursAgo(30), 2);
    const acknowledged = await insertEvent('traffic.accident', 'acknowledged', hoursAgo(1));
    const stopped = await insertEvent('traffic.incident', 'open', hoursAgo(3));
    await insertEvent('traffic.accident', 'false_alarm', hoursAgo(1));
    await insertEvent('traffic.accident', 'open', hoursAgo(26));
    await insertEvent('traffic.congestion', 'open', hoursAgo(1));

    const layer = await readLayer();
    expect(layer.type).toBe('FeatureCollection');
    const byKind = layer.features.map((f) => [f.properties.kind, f.properties.id]);
    expect(byKind).toEqual([
      ['incident', acknowledged],
      ['crash', recentCrash],
      ['incident', stopped],
    ]);
    expect(layer.features[1]).toMatchObject({
      geometry: { type: 'Point', coordinates: [101.0747, 13.6905] },
      properties: {
        source: 'doh_csv',
        severity: 'fatal',
        deaths: 1,
        seriousInjuries: 1,
        minorInjuries: 0,
        eventType: null,
      },
    });
    expect(layer.features[0]!.properties).toMatchObject({
      source: 'camera',
      severity: 'high',
      eventType: 'traffic.accident',
      status: 'acknowledged',
      deaths: null,
    });
    const text = JSON.stringify(layer);
    expect(text).not.toContain('note');
    expect(text).not.toContain('1234');
  });

  it('admits the control room and planners, and refuses the police and the signed-out', async () => {
    for (const role of ['admin', 'operator', 'viewer', 'planner'] as const) {
      expect((await crashApp.get('/api/crashes/last-24h', role)).statusCode, role).toBe(200);
    }
    expect((await crashApp.get('/api/crashes/last-24h', 'police')).statusCode).toBe(403);
    expect((await crashApp.app.inject({ method: 'GET', url: '/api/crashes/last-24h' })).statusCode).toBe(401);
  });
});

describe('crashes.changed', () => {
  it('tells a connected operator (not the police) when an operator confirms a camera accident, which becomes a crash', async () => {
    const operator = await connect('operator');
    const police = await connect('police');
    try {
      const id = await insertEvent('traffic.accident', 'open', hoursAgo(0.5));
      expect((await readLayer()).features.find((f) => f.properties.id === id)?.properties.kind).toBe(
        'incident',
      );

      const confirmed = await crashApp.app.inject({
        method: 'POST',
        url: `/api/events/${id}/acknowledge`,
        headers: { authorization: `Bearer ${crashApp.tokens.operator}` },
        payload: {},
      });
      expect(confirmed.statusCode).toBe(200);
      await until(() => operator.changes.length > 0);
      expect(operator.changes).toEqual([{ reason: 'camera', eventId: id }]);

      // Shown once: as the crash it became, no longer as the incident.
      const shown = (await readLayer()).features.filter((f) => f.properties.eventId === id);
      expect(shown.map((f) => [f.properties.kind, f.properties.source])).toEqual([['crash', 'camera']]);

      // The police socket is in no crash room; the operator's second action (no crash change) sends nothing new.
      await crashApp.app.inject({
        method: 'POST',
        url: `/api/events/${id}/resolve`,
        headers: { authorization: `Bearer ${crashApp.tokens.operator}` },
        payload: {},
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(police.changes).toEqual([]);
      expect(operator.changes).toHaveLength(1);
    } finally {
      operator.socket.close();
      police.socket.close();
    }
  });
});
