// Flagging a camera's recording: errors, pauses, a recorder that stopped writing, no report, too little kept.
import { describe, expect, it } from 'vitest';
import type { RecordingHealth, RecordingWorkerHealth } from '@toc/server/schemas';
import { recordingView } from './recording-flags';

const NOW = Date.parse('2031-03-13T07:00:00.000Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();

const worker = (over: Partial<RecordingWorkerHealth> = {}): RecordingWorkerHealth => ({
  state: 'recording',
  reason: null,
  bitrateKbps: 900,
  lastSegmentAt: ago(4_000),
  ...over,
});

const health = (over: Partial<RecordingHealth> = {}): RecordingHealth => ({
  cameraId: 1,
  enabled: true,
  worker: worker(),
  pausedReason: null,
  lastSegmentAt: ago(6_000),
  bitrateKbps: 880,
  gapsToday: 0,
  bytesHeld: 1_000_000,
  daysHeld: 2,
  daysForecast: 30,
  minDays: 7,
  maxDays: 30,
  priority: 50,
  ...over,
});

describe('recordingView', () => {
  it('is quiet for a camera recording fresh segments', () => {
    const view = recordingView(health(), undefined, NOW);
    expect(view).toMatchObject({ state: 'recording', problems: [], level: 'ok', lastSegmentAt: ago(4_000) });
  });

  it("prefers the camera list's live report over the overview's stored one", () => {
    const view = recordingView(health(), worker({ state: 'error', reason: 'write failed' }), NOW);
    expect(view).toMatchObject({
      state: 'error',
      reason: 'write failed',
      problems: ['error'],
      level: 'problem',
    });
  });

  it('flags a recording camera whose newest segment is over a minute old (or missing)', () => {
    const old = health({ worker: worker({ lastSegmentAt: ago(90_000) }), lastSegmentAt: ago(95_000) });
    expect(recordingView(old, undefined, NOW).problems).toEqual(['stale']);
    const none = health({ worker: worker({ lastSegmentAt: null }), lastSegmentAt: null });
    expect(recordingView(none, undefined, NOW)).toMatchObject({ problems: ['stale'], level: 'problem' });
    const minute = health({ worker: worker({ lastSegmentAt: ago(60_000) }) });
    expect(recordingView(minute, undefined, NOW).problems).toEqual([]);
  });

  it('flags a pause whether the recorder or the settings say so, with the reason', () => {
    const paused = health({
      worker: worker({ state: 'paused', reason: 'storage_full' }),
      pausedReason: 'storage_full',
    });
    expect(recordingView(paused, undefined, NOW)).toMatchObject({
      state: 'paused',
      pausedReason: 'storage_full',
      problems: ['paused'],
      level: 'problem',
    });
    expect(recordingView(health({ pausedReason: 'storage_full' }), undefined, NOW).problems).toEqual([
      'paused',
    ]);
  });

  it('does not flag a camera switched off on purpose', () => {
    const off = health({ enabled: false, worker: worker({ state: 'off', reason: 'recording disabled' }) });
    expect(recordingView(off, undefined, NOW)).toMatchObject({ state: 'off', problems: [], level: 'ok' });
    expect(recordingView(health({ enabled: false, worker: null }), undefined, NOW).problems).toEqual([]);
  });

  it('warns about no report at all and a forecast below the legal minimum', () => {
    expect(recordingView(health({ worker: null }), null, NOW)).toMatchObject({
      state: null,
      problems: ['silent'],
      level: 'warning',
    });
    expect(recordingView(health({ daysForecast: 3.5, minDays: 7 }), undefined, NOW)).toMatchObject({
      problems: ['short'],
      level: 'warning',
    });
  });
});
