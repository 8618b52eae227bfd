import { describe, expect, it } from 'vitest';
import { bangkokIso, bangkokReadable, bangkokThai } from './bangkok-clock';

describe('bangkok clock', () => {
  const at = new Date('2026-12-05T10:30:05.900Z');

  it('shows the second that has begun, at UTC+7', () => {
    expect(bangkokIso(at)).toBe('2026-12-05T17:30:05+07:00');
    expect(bangkokReadable(at)).toBe('2026-12-05 17:30:05 +07:00');
  });

  it('writes Thai with the Buddhist-Era year', () => {
    expect(bangkokThai(at)).toBe('5 ธ.ค. 2569 17:30:05 น.');
  });

  it('rolls the date over at Bangkok midnight, not UTC midnight', () => {
    const evening = new Date('2026-12-31T17:00:00Z');
    expect(bangkokIso(evening)).toBe('2027-01-01T00:00:00+07:00');
    expect(bangkokThai(evening)).toBe('1 ม.ค. 2570 00:00:00 น.');
  });
});
