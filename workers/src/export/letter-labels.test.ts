import { describe, expect, it } from 'vitest';
import { formatBytes, formatLatLon, stepLabel } from './letter-labels';

describe('letter labels', () => {
  it('gives exact byte counts with a readable size', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(62_914_560)).toBe('62,914,560 B (60.0 MiB)');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3,221,225,472 B (3.0 GiB)');
  });

  it('shows latitude first, and an unknown step as written', () => {
    expect(formatLatLon({ lon: 101.0601, lat: 13.4925 })).toBe('13.492500, 101.060100');
    expect(stepLabel('approved')).toEqual({ th: 'อนุมัติ', en: 'Approved' });
    expect(stepLabel('archived')).toEqual({ th: 'archived', en: 'archived' });
  });
});
