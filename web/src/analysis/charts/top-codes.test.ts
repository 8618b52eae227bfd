import { describe, expect, it } from 'vitest';
import type { CodedCount } from '@toc/server/schemas';
import { topWithOthers } from './top-codes';

const c = (code: string, crashes: number, deaths = 0): CodedCount => ({
  code,
  th: code,
  en: code,
  crashes,
  deaths,
});

describe('topWithOthers', () => {
  it('keeps the codes with most crashes, ties by deaths, and sums the rest', () => {
    const { top, others } = topWithOthers(
      [c('a', 1, 1), c('b', 9), c('c', 5, 0), c('d', 5, 2), c('e', 2, 1)],
      2,
    );
    expect(top.map((x) => x.code)).toEqual(['b', 'd']);
    expect(others).toEqual({ codes: 3, crashes: 8, deaths: 2 });
  });

  it('shows a single leftover code itself and has no others when everything fits', () => {
    expect(topWithOthers([c('a', 3), c('b', 2), c('unknown', 1)], 2)).toEqual({
      top: [c('a', 3), c('b', 2), c('unknown', 1)],
      others: null,
    });
    expect(topWithOthers([], 10)).toEqual({ top: [], others: null });
  });
});
