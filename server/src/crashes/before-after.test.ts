import { describe, expect, it } from 'vitest';
import { beforeAfterVerdict, binomialTwoSidedP } from './before-after';

describe('binomialTwoSidedP', () => {
  it('matches the exact two-sided test', () => {
    expect(binomialTwoSidedP(15, 45, 0.5)).toBeCloseTo(0.035698, 5);
    expect(binomialTwoSidedP(2, 12, 0.3)).toBeCloseTo(0.52916, 4);
    expect(binomialTwoSidedP(5, 10, 0.5)).toBeCloseTo(1, 6);
  });
});

describe('beforeAfterVerdict', () => {
  it('finds fewer crashes when the site halves while the comparison group stays level', () => {
    const verdict = beforeAfterVerdict({ before: 30, after: 15 }, { before: 1000, after: 1000 });
    expect(verdict.conclusion).toBe('fewer');
    expect(verdict.theta).toBeCloseTo(0.5, 3);
    expect(verdict.pValue).toBeCloseTo(0.0357, 3);
    expect(verdict.interval![0]).toBeLessThan(0.5);
    expect(verdict.interval![1]).toBeGreaterThan(0.5);
    expect(verdict.interval![1]).toBeLessThan(1);
    expect(verdict.expectedAfter).toBe(30);
    expect(verdict.message.en).toMatch(/50 % fewer/);
    expect(verdict.message.th).toMatch(/50%/);
  });

  it('credits nothing to the measure when the comparison group fell as much', () => {
    const verdict = beforeAfterVerdict({ before: 30, after: 15 }, { before: 1000, after: 500 });
    expect(verdict.theta).toBeCloseTo(1, 3);
    expect(verdict.conclusion).toBe('no_significant_change');
  });

  it('says the numbers are too small rather than guess', () => {
    const verdict = beforeAfterVerdict({ before: 4, after: 1 }, { before: 1000, after: 1000 });
    expect(verdict.conclusion).toBe('too_few');
    expect(verdict.theta).toBeNull();
    expect(verdict.message.en).toMatch(/Too few/);
    expect(verdict.message.th).toMatch(/น้อยเกินกว่าจะสรุป/);
    expect(beforeAfterVerdict({ before: 0, after: 12 }, { before: 10, after: 10 }).conclusion).toBe(
      'too_few',
    );
  });

  it('always warns about regression to the mean', () => {
    for (const verdict of [
      beforeAfterVerdict({ before: 30, after: 15 }, { before: 1000, after: 1000 }),
      beforeAfterVerdict({ before: 1, after: 1 }, { before: 1, after: 1 }),
    ])
      expect(verdict.warnings.map((w) => w.en).join(' ')).toMatch(/Regression to the mean/);
  });
});
