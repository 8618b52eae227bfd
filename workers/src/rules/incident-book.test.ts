import { describe, expect, it } from 'vitest';
import type { RuleSignal } from '../pipeline/types';
import {
  createIncidentBook,
  reconcileIncidents,
  type IncidentAction,
  type IncidentBook,
} from './incident-book';

const signal = (key: string, fields: Partial<RuleSignal> = {}): RuleSignal => ({
  key,
  type: 'traffic.incident',
  kind: 'stopped_vehicle',
  severity: 'medium',
  confidence: 0.7,
  onset: 0,
  trackIds: [1],
  imagePoint: [0, 0],
  ground: null,
  detail: {},
  ...fields,
});

/** Calls reconcile once per second; `at(tS)` gives the signals of that second. */
function run(at: (tS: number) => RuleSignal[], durationS: number, book: IncidentBook = createIncidentBook()) {
  const actions: { tS: number; action: IncidentAction }[] = [];
  for (let tS = 0; tS <= durationS; tS++) {
    const out = reconcileIncidents(book, at(tS), tS * 1000);
    book = out.book;
    actions.push(...out.actions.map((action) => ({ tS, action })));
  }
  return { actions, book };
}

const summary = (actions: { tS: number; action: IncidentAction }[]) =>
  actions.map(
    ({ tS, action }) =>
      `${tS}:${action.action}${action.action === 'update' && action.reopened ? '(reopened)' : ''}`,
  );

describe('incident book', () => {
  it('opens once, updates at most every updateEveryS, ends after endAfterS of silence', () => {
    const { actions } = run((tS) => (tS <= 12 ? [signal('a')] : []), 30);
    expect(summary(actions)).toEqual(['0:open', '5:update', '10:update', '22:end']);
    expect(actions.at(-1)!.action).toEqual({ action: 'end', key: 'a', at: 12_000 });
  });

  it('updates at once when the severity rises', () => {
    const { actions } = run((tS) => [signal('a', { severity: tS >= 2 ? 'high' : 'medium' })], 3);
    expect(summary(actions)).toEqual(['0:open', '2:update']);
  });

  it('re-opens the same incident within the cooldown instead of opening a new one, and a new one after it', () => {
    const flapping = run((tS) => (tS < 3 || (tS >= 20 && tS < 22) || tS >= 100 ? [signal('a')] : []), 101);
    expect(summary(flapping.actions)).toEqual([
      '0:open',
      '12:end',
      '20:update(reopened)',
      '31:end',
      '100:open',
    ]);
  });

  it('keeps the strongest signal when a key repeats within one call, and keys apart', () => {
    const out = reconcileIncidents(
      createIncidentBook(),
      [signal('a', { confidence: 0.2 }), signal('a', { severity: 'high' }), signal('b')],
      0,
    );
    expect(out.actions).toHaveLength(2);
    expect(out.actions[0]).toMatchObject({ action: 'open', signal: { key: 'a', severity: 'high' } });
  });

  it('is pure: the input book is not changed', () => {
    const book = createIncidentBook({ updateEveryS: 1 });
    const out = reconcileIncidents(book, [signal('a')], 0);
    expect(book.entries.size).toBe(0);
    expect(out.book.entries.size).toBe(1);
    expect(out.book.options).toEqual({ updateEveryS: 1, endAfterS: 10, cooldownS: 60 });
  });
});
