// Medium: GPS buses live through the real server, Redis and GPS worker — bus deltas on the socket, removal of a deleted
// bus, stop boards to signed-in and public watchers, a bad stream entry skipped, and the fix stream across a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { busKeys } from '@toc/server/realtime/bus-keys';
import type { BusDelta, StopArrivalsMessage } from '@toc/server/schemas';
import { channelNames } from '@toc/server/realtime/channel-names';
import { FixStream } from '../src/gps/fix-stream';
import { isoAgo, startGpsRig, until, type GpsRig } from './gps-rig';

let rig: GpsRig;

beforeAll(async () => {
  rig = await startGpsRig();
  // Both buses report once, so the live map has them before the tests watch it.
  const reply = await rig.batch([
    { name: 'osm', fixes: [{ lat: 13.69, lon: 101.07, timestamp: isoAgo(5) }] },
    { name: 'filters', fixes: [{ lat: 13.7, lon: 101.08, timestamp: isoAgo(5) }] },
  ]);
  expect(reply.statusCode).toBe(200);
  await until(async () => (await rig.busState('CCS-01')) && (await rig.busState('CCS-02')), 'both buses in Redis');
});

afterAll(async () => {
  await rig?.stop();
});

describe('live', () => {
  it('sends every bus on buses.watch, then deltas after new fixes; GET /api/buses lists them', async () => {
    const socket = await rig.connect('', rig.tokens.viewer);
    const deltas: BusDelta[] = [];
    socket.on('buses.delta', (delta: BusDelta) => deltas.push(delta));
    expect(await socket.emitWithAck('buses.watch', { enabled: true })).toMatchObject({ ok: true });
    await until(async () => deltas.length > 0, 'the first delta');
    expect(deltas[0]!.upsert.map((b) => b.label).sort()).toEqual(['CCS-01', 'CCS-02']);
    const reply = await rig.batch([
      { name: 'osm', fixes: [{ lat: 13.6911, lon: 101.0701, timestamp: isoAgo(1), speed: 25, bearing: 45 }] },
    ]);
    expect(reply.statusCode).toBe(200);
    const moved = await until(
      async () => deltas.flatMap((d) => d.upsert).find((b) => b.lat === 13.6911),
      'the delta with the new fix',
    );
    expect(moved).toMatchObject({ vehicleId: rig.vehicles['CCS-01'].id, speedKmh: 25, bearingDeg: 45 });
    const buses = await rig.app.inject({ method: 'GET', url: '/api/buses', headers: rig.auth('police') });
    expect(buses.json().find((b: { vehicleId: number }) => b.vehicleId === rig.vehicles['CCS-01'].id).lat).toBe(
      13.6911,
    );
    socket.close();
  });

  it('removes a deleted vehicle from the live map', async () => {
    const socket = await rig.connect('', rig.tokens.viewer);
    const deltas: BusDelta[] = [];
    socket.on('buses.delta', (delta: BusDelta) => deltas.push(delta));
    await socket.emitWithAck('buses.watch', { enabled: true });
    const id = rig.vehicles['CCS-02'].id;
    expect(
      (await rig.app.inject({ method: 'DELETE', url: `/api/vehicles/${id}`, headers: rig.auth('admin') })).statusCode,
    ).toBe(204);
    await until(async () => deltas.some((d) => d.remove.includes(id)), 'the removal');
    expect(await rig.busState('CCS-02')).toBeUndefined();
    socket.close();
  });

  it('relays stop arrivals to signed-in and public watchers; the public namespace offers nothing else', async () => {
    const board: StopArrivalsMessage = {
      feedId: 1,
      stopId: 'S1',
      at: new Date().toISOString(),
      arrivals: [],
    };
    await rig.redis.set(busKeys(rig.schema.schema).stopArrivals(1, 'S1'), JSON.stringify(board));
    const signedIn = await rig.connect('', rig.tokens.viewer);
    const pub = await rig.connect('/public');
    const got: Record<string, StopArrivalsMessage[]> = { signedIn: [], pub: [] };
    signedIn.on('stop.arrivals', (m: StopArrivalsMessage) => got.signedIn!.push(m));
    pub.on('stop.arrivals', (m: StopArrivalsMessage) => got.pub!.push(m));

    expect(await signedIn.emitWithAck('stops.watch', { stops: [{ feedId: 1, stopId: 'S1' }] })).toEqual({
      ok: true,
      count: 1,
    });
    expect(await pub.emitWithAck('stop.watch', { feedId: 1, stopId: 'S1' })).toEqual({ ok: true });
    await until(async () => got.signedIn!.length === 1 && got.pub!.length === 1, 'the current boards');

    expect(await pub.emitWithAck('buses.watch', { enabled: true })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Only stop.watch/),
    });
    expect(await pub.emitWithAck('stop.watch', { feedId: 'one', stopId: 'S1' })).toMatchObject({ ok: false });
    for (const stopId of ['S2', 'S3', 'S4'])
      expect(await pub.emitWithAck('stop.watch', { feedId: 1, stopId })).toEqual({ ok: true });
    expect(await pub.emitWithAck('stop.watch', { feedId: 1, stopId: 'S5' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/At most 4/),
    });

    await rig.redis.publish(
      channelNames(rig.schema.schema).stopArrivals,
      JSON.stringify({ ...board, at: new Date(Date.now() + 1000).toISOString() }),
    );
    await until(async () => got.signedIn!.length === 2 && got.pub!.length === 2, 'the relayed boards');
    await expect(rig.connect('', undefined)).rejects.toThrow(/unauthorized/);
    signedIn.close();
    pub.close();
  });

  it('skips a bad stream entry and carries on', async () => {
    await rig.redis.xadd(busKeys(rig.schema.schema).fixes, '*', 'fixes', '{"not": "fixes"');
    expect(
      (await rig.batch([{ name: 'osm', fixes: [{ lat: 13.6912, lon: 101.0701, timestamp: isoAgo(0.5) }] }]))
        .statusCode,
    ).toBe(200);
    await until(async () => (await rig.busState('CCS-01'))?.lat === 13.6912, 'the fix after the bad entry');
    expect(rig.worker.stats.badEntries).toBe(1);
    // Acknowledged entries are deleted: the stream holds only what is not stored yet.
    await until(async () => (await rig.redis.xlen(busKeys(rig.schema.schema).fixes)) === 0, 'an empty stream');
  });

  it('after a restart, reads the entries it had not acknowledged once, then new ones', async () => {
    const key = `${rig.schema.schema}:restart-test`;
    const entry = (lat: number) =>
      JSON.stringify({
        receivedAt: isoAgo(0),
        fixes: [
          {
            deviceId: 'x',
            lat,
            lon: 101,
            fixTime: isoAgo(0),
            speedKmh: null,
            bearingDeg: null,
            altitudeM: null,
            accuracyM: null,
          },
        ],
      });
    const connections = [rig.redis.duplicate(), rig.redis.duplicate()];
    const first = new FixStream(connections[0]!, key, 'c1');
    await first.init();
    for (const lat of [1, 2, 3]) await rig.redis.xadd(key, '*', 'fixes', entry(lat));
    const taken = await first.read(2, 50, 100);
    expect(taken.fixes.map((f) => f.fix.lat)).toEqual([1, 2]);
    // The process "dies" without acknowledging; its successor has the same consumer name.
    const second = new FixStream(connections[1]!, key, 'c1');
    await second.init();
    await rig.redis.xadd(key, '*', 'fixes', entry(4));
    const lats: number[] = [];
    for (let i = 0; i < 4; i++) {
      const batch = await second.read(10, 20, 50);
      lats.push(...batch.fixes.map((f) => f.fix.lat));
      await second.ack(batch.ids);
    }
    expect(lats).toEqual([1, 2, 3, 4]);
    await rig.redis.del(key);
    for (const connection of connections) connection.disconnect();
  });

  it('logged no worker errors', () => {
    expect(rig.workerErrors).toEqual([]);
  });
});
