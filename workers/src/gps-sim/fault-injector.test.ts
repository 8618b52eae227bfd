import { describe, expect, it } from 'vitest';
import { FaultInjector } from './fault-injector';
import { createRng } from './prng';

const fixes = (n: number) => Array.from({ length: n }, (_, i) => ({ lon: 101 + i / 1000, lat: 13.7, n: i }));

describe('FaultInjector', () => {
  it('passes fixes through unchanged when every rate is zero', () => {
    const injector = new FaultInjector(createRng(1), { duplicate: 0, zero: 0, late: 0 });
    expect(fixes(50).flatMap((f) => injector.push(f))).toEqual(fixes(50));
  });

  it('delivers every fix at least once, with duplicates, 0,0 fixes and late fixes at about their rates', () => {
    const injector = new FaultInjector<{ lon: number; lat: number; n: number }>(createRng(7), { duplicate: 0.05, zero: 0.05, late: 0.05 });
    const input = fixes(5000);
    const sent = input.flatMap((f) => injector.push(f));
    const real = sent.filter((f) => f.lat !== 0);
    const zeros = sent.filter((f) => f.lat === 0 && f.lon === 0);
    expect(new Set(real.map((f) => f.n)).size).toBeGreaterThanOrEqual(4999); // the very last may still be held
    expect(zeros.length / input.length).toBeGreaterThan(0.03);
    expect(zeros.length / input.length).toBeLessThan(0.07);
    const duplicates = real.length - new Set(real.map((f) => f.n)).size;
    expect(duplicates / input.length).toBeGreaterThan(0.03);
    let late = 0;
    for (let i = 1; i < real.length; i++) if (real[i]!.n < real[i - 1]!.n) late++;
    expect(late / input.length).toBeGreaterThan(0.03);
    expect(late / input.length).toBeLessThan(0.07);
  });
});
