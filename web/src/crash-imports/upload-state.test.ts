// Small tests for the upload's states: progress, importing, the report or a failure, and events that come too late.
import { describe, expect, it } from 'vitest';
import type { CrashImportReport } from '@toc/server/schemas';
import { idle, isBusy, nextUploadState, type UploadEvent, type UploadState } from './upload-state';

const report: CrashImportReport = {
  importId: 7,
  source: 'doh_csv',
  counts: { read: 10, added: 8, updated: 0, same: 1, rejected: 1 },
  rejections: [{ line: 4, reason: 'no date', reasonTh: 'ไม่มีวันที่' }],
  snapped: 6,
};

const run = (...events: UploadEvent[]): UploadState => events.reduce(nextUploadState, idle);
const start: UploadEvent = { type: 'start', fileName: 'doh.csv', size: 1000 };

describe('nextUploadState', () => {
  it('goes from sending with progress to importing to the report', () => {
    expect(run(start)).toMatchObject({ kind: 'sending', progress: { percent: 0 } });
    expect(run(start, { type: 'progress', loaded: 500, total: 1000 })).toMatchObject({
      kind: 'sending',
      progress: { percent: 50 },
    });
    expect(run(start, { type: 'sent' })).toEqual({ kind: 'importing', fileName: 'doh.csv' });
    expect(run(start, { type: 'sent' }, { type: 'answered', report })).toEqual({
      kind: 'done',
      fileName: 'doh.csv',
      report,
    });
  });

  it('keeps importing when a late progress event arrives', () => {
    expect(run(start, { type: 'sent' }, { type: 'progress', loaded: 1000, total: 1000 }).kind).toBe(
      'importing',
    );
  });

  it('ends in a failure from either phase, and ignores events after the end', () => {
    const cancelled = run(start, { type: 'failed', failure: { kind: 'cancelled' } });
    expect(cancelled).toEqual({ kind: 'failed', fileName: 'doh.csv', failure: { kind: 'cancelled' } });
    expect(nextUploadState(cancelled, { type: 'answered', report })).toBe(cancelled);
    expect(run(start, { type: 'sent' }, { type: 'failed', failure: { kind: 'network' } }).kind).toBe(
      'failed',
    );
  });

  it('resets only when no upload runs', () => {
    expect(run(start, { type: 'reset' }).kind).toBe('sending');
    expect(run(start, { type: 'answered', report }, { type: 'reset' })).toBe(idle);
  });
});

describe('isBusy', () => {
  it('is true while sending or importing', () => {
    expect(isBusy(idle)).toBe(false);
    expect(isBusy(run(start))).toBe(true);
    expect(isBusy(run(start, { type: 'sent' }))).toBe(true);
    expect(isBusy(run(start, { type: 'answered', report }))).toBe(false);
  });
});
