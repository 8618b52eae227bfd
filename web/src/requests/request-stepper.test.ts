// The stepper follows the request's status and history: retried exports, rejections, skipped review, failures.
import { describe, expect, it } from 'vitest';
import type { RequestStep } from '@toc/server/schemas';
import { stepperOf } from './request-stepper';

const step = (
  status: string,
  at: string,
  by: string | null = 'somchai',
  note: string | null = null,
): RequestStep => ({
  status,
  at: `2026-03-13T${at}:00.000Z`,
  by,
  note,
});

const states = (views: ReturnType<typeof stepperOf>) => views.map((v) => `${v.stage}:${v.state}`);

describe('stepperOf', () => {
  it('marks a new request as current at the first stage, everything after still to come', () => {
    const views = stepperOf('submitted', [step('submitted', '01:00', 'pol.somsak')]);
    expect(states(views)).toEqual([
      'submitted:current',
      'in_review:upcoming',
      'decision:upcoming',
      'exporting:upcoming',
      'ready:upcoming',
      'downloaded:upcoming',
      'closed:upcoming',
    ]);
    expect(views[0]!.step?.by).toBe('pol.somsak');
    expect(views[2]!.status).toBe('decision');
  });

  it('ignores steps that keep the status (cameras chosen) and takes the latest entry after a retried export', () => {
    const views = stepperOf('ready', [
      step('submitted', '01:00'),
      step('in_review', '01:10', 'op.anan'),
      step('in_review', '01:20', 'pol.somsak'),
      step('approved', '01:30', 'op.anan', 'ok'),
      step('exporting', '01:31', null),
      step('export_failed', '01:35', null),
      step('approved', '01:40', 'op.anan'),
      step('exporting', '01:41', null),
      step('ready', '01:50', null),
    ]);
    expect(states(views).slice(0, 5)).toEqual([
      'submitted:done',
      'in_review:done',
      'decision:done',
      'exporting:done',
      'ready:current',
    ]);
    expect(views[1]!.step?.by).toBe('op.anan');
    expect(views[2]!.status).toBe('approved');
    expect(views[3]!.step?.at).toBe('2026-03-13T01:41:00.000Z');
  });

  it('shows a failed export at the exporting stage, with the time it failed', () => {
    const views = stepperOf('export_failed', [
      step('submitted', '01:00'),
      step('approved', '01:30', 'op.anan'),
      step('exporting', '01:31', null),
      step('export_failed', '01:35', null),
    ]);
    expect(states(views).slice(0, 5)).toEqual([
      'submitted:done',
      'in_review:skipped',
      'decision:done',
      'exporting:failed',
      'ready:upcoming',
    ]);
    expect(views[3]!.step?.at).toBe('2026-03-13T01:35:00.000Z');
  });

  it('skips the export stages of a rejected request, which may still be closed', () => {
    const rejected = stepperOf('rejected', [
      step('submitted', '01:00'),
      step('rejected', '02:00', 'op.anan', 'no case'),
    ]);
    expect(states(rejected)).toEqual([
      'submitted:done',
      'in_review:skipped',
      'decision:current',
      'exporting:skipped',
      'ready:skipped',
      'downloaded:skipped',
      'closed:upcoming',
    ]);
    expect(rejected[2]!.status).toBe('rejected');
    expect(rejected[2]!.step?.note).toBe('no case');
    const closed = stepperOf('closed', [
      step('submitted', '01:00'),
      step('rejected', '02:00'),
      step('closed', '03:00', 'admin'),
    ]);
    expect(closed[2]!.status).toBe('rejected');
    expect(closed.at(-1)!.state).toBe('current');
  });

  it('leaves the decision open on a request closed before anyone decided', () => {
    const views = stepperOf('closed', [step('submitted', '01:00'), step('closed', '02:00', 'admin')]);
    expect(views[2]).toMatchObject({ state: 'skipped', status: 'decision', step: null });
  });
});
