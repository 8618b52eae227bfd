// A hold's standing: released wins over expired; no expiry means until released.
import { describe, expect, it } from 'vitest';
import { holdStatus } from './hold-status';

const NOW = Date.parse('2031-03-13T07:00:00.000Z');

describe('holdStatus', () => {
  it('is in force until released, or until its expiry has passed', () => {
    expect(holdStatus({ releasedAt: null, expiresAt: null }, NOW)).toBe('inForce');
    expect(holdStatus({ releasedAt: null, expiresAt: '2031-03-14T00:00:00.000Z' }, NOW)).toBe('inForce');
    expect(holdStatus({ releasedAt: null, expiresAt: '2031-03-13T07:00:00.000Z' }, NOW)).toBe('expired');
  });
  it('says released once released, expired or not', () => {
    expect(
      holdStatus({ releasedAt: '2031-03-12T00:00:00.000Z', expiresAt: '2031-03-01T00:00:00.000Z' }, NOW),
    ).toBe('released');
  });
});
