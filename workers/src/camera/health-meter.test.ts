// Small: a camera whose stream keeps dropping shows as unstable in its health, in English and Thai.
import { describe, expect, it } from 'vitest';
import { HealthMeter, streamStability } from './health-meter';

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
