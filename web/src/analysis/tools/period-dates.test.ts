import { describe, expect, it } from 'vitest';
import { formatDay, formatPeriod, formatYears } from './period-dates';

describe('formatPeriod', () => {
  it('writes Thai dates with Buddhist-Era years', () => {
    expect(formatPeriod({ from: '2023-01-01', to: '2023-12-31' }, 'th')).toBe('1 ม.ค. 2566 – 31 ธ.ค. 2566');
  });

  it('writes English dates with Gregorian years', () => {
    expect(formatPeriod({ from: '2023-01-01', to: '2023-12-31' }, 'en')).toBe('1 Jan 2023 – 31 Dec 2023');
  });
});

describe('formatDay', () => {
  it('leaves a text that is not a date as it is', () => {
    expect(formatDay('soon', 'en')).toBe('soon');
    expect(formatDay('2023-02-30x', 'en')).toBe('2023-02-30x');
  });
});

describe('formatYears', () => {
  it('joins consecutive years into a range', () => {
    expect(formatYears([2563, 2561, 2562])).toBe('2561–2563');
  });

  it('lists years with gaps, and a single year alone', () => {
    expect(formatYears([2561, 2563])).toBe('2561, 2563');
    expect(formatYears([2566])).toBe('2566');
    expect(formatYears([])).toBe('');
  });
});
