// Small: a camera whose stream keeps dropping, or whose analysis falls behind, says so in its health, in English and Thai.
import { describe, expect, it } from 'vitest';
import { HealthMeter, paceHealth, streamStability } from './health-meter';

const MIN = 60_000;

describe('streamStability', () => {
  it('calls one or two drops an hour outages, not instability', () => {
    expect(streamStability([], 0)).toEqual({
      outagesLastHour: 0,
      flapping: false,
      reasonText: null,
      reasonTextTh: null,
    });
    expect(streamStability([10 * MIN, 40 * MIN], 50 * MIN)).toMatchObject({
      outagesLastHour: 2,
      flapping: false,
    });
  });

  it('calls three drops within the hour flapping, with the reason in English and Thai', () => {
    const stability = streamStability([1 * MIN, 2 * MIN, 3 * MIN], 4 * MIN);
    expect(stability).toMatchObject({ outagesLastHour: 3, flapping: true });
    expect(stability.reasonText).toBe('unstable: the stream dropped 3 times in the last hour');
    expect(stability.reasonTextTh).toContain('ไม่เสถียร');
    expect(stability.reasonTextTh).toContain('3');
  });

  it('forgets drops older than an hour', () => {
    expect(streamStability([0, 1 * MIN, 2 * MIN], 61 * MIN)).toMatchObject({
      outagesLastHour: 1,
      flapping: false,
    });
  });
});

describe('HealthMeter', () => {
  it('reports the drops it was told of in every snapshot', () => {
    const meter = new HealthMeter('worker-a');
    for (const at of [1000, 7000, 13000]) meter.outage(at);
    expect(meter.snapshot(14_000).stability).toMatchObject({ outagesLastHour: 3, flapping: true });
    expect(meter.snapshot(14_000 + 60 * MIN).stability).toMatchObject({
      outagesLastHour: 0,
      flapping: false,
    });
  });
});

describe('paceHealth', () => {
  it('says in English and Thai that a camera is behind and its road alarms held, with the rates', () => {
    const pace = paceHealth(
      {
        expectedFps: 5,
        analysedFps: 2.26,
        share: 0.45,
        behind: true,
        behindSince: Date.UTC(2026, 11, 6, 12),
      },
      4,
    );
    expect(pace).toMatchObject({
      expectedFps: 5,
      analysedFps: 2.26,
      behind: true,
      behindSince: '2026-12-06T12:00:00.000Z',
      roadSignalsHeld: 4,
    });
    expect(pace.reasonText).toBe(
      'analysis behind: 2.26 of 5 frames a second analysed; new road alarms held until it catches up',
    );
    expect(pace.reasonTextTh).toContain('วิเคราะห์ภาพไม่ทัน');
    expect(pace.reasonTextTh).toContain('2.26 จาก 5');
  });

  it('gives no reason for a camera keeping pace', () => {
    const pace = paceHealth(
      { expectedFps: 5, analysedFps: 5, share: 1, behind: false, behindSince: null },
      0,
    );
    expect(pace).toMatchObject({ behind: false, behindSince: null, reasonText: null, reasonTextTh: null });
  });
});

describe('HealthMeter pace', () => {
  it('reports the latest pace and the road signals held so far; none before a frame', () => {
    const meter = new HealthMeter('worker-a');
    expect(meter.snapshot(1000).pace).toBeUndefined();
    meter.pace({ expectedFps: 5, analysedFps: 2, share: 0.4, behind: true, behindSince: 500 }, 2);
    meter.pace({ expectedFps: 5, analysedFps: 2, share: 0.4, behind: true, behindSince: 500 }, 1);
    expect(meter.snapshot(2000).pace).toMatchObject({ behind: true, roadSignalsHeld: 3 });
  });
});

describe('HealthMeter load', () => {
  it('gives the detector time a frame as of the last snapshot, kept through a window the gate skipped', () => {
    const meter = new HealthMeter('worker-a');
    expect(meter.load(5)).toEqual({
      detectFps: 5,
      inferenceMsPerFrame: null,
      shortOfFrames: false,
      silent: false,
    });
    for (const ms of [30, 50]) {
      meter.frameIn(new Date());
      meter.detected(ms);
    }
    expect(meter.load(5).inferenceMsPerFrame).toBeNull(); // not before the snapshot
    meter.snapshot();
    expect(meter.load(5).inferenceMsPerFrame).toBe(40);
    meter.frameIn(new Date());
    meter.gated();
    meter.snapshot();
    expect(meter.load(5).inferenceMsPerFrame).toBe(40);
  });

  it('is short of frames when behind, or dropping more than a tenth of its frames', () => {
    const meter = new HealthMeter('worker-a');
    for (let i = 0; i < 10; i++) meter.frameIn(new Date());
    meter.skipped();
    meter.snapshot();
    expect(meter.load(5).shortOfFrames).toBe(false); // one in ten
    for (let i = 0; i < 10; i++) meter.frameIn(new Date());
    meter.skipped();
    meter.skipped();
    meter.snapshot();
    expect(meter.load(5).shortOfFrames).toBe(true);
    meter.pace({ expectedFps: 5, analysedFps: 2, share: 0.4, behind: true, behindSince: 500 }, 0);
    for (let i = 0; i < 10; i++) meter.frameIn(new Date());
    meter.snapshot();
    expect(meter.load(5).shortOfFrames).toBe(true); // no drops, but behind
  });

  it('is silent after 15 s without a frame, counted from its start until the first', () => {
    const meter = new HealthMeter('worker-a');
    const start = Date.now();
    expect(meter.load(5, start + 10_000).silent).toBe(false);
    expect(meter.load(5, start + 20_000).silent).toBe(true);
    meter.frameIn(new Date(start + 20_000));
    expect(meter.load(5, start + 30_000).silent).toBe(false);
    expect(meter.load(5, start + 36_000).silent).toBe(true);
  });
});
