// Audit page filters: Bangkok days to instants, open ends, and what is refused.
import { describe, expect, it } from 'vitest';
import { auditQueryOf, defaultFilters } from './audit-filters';

const filters = { user: '', action: '', firstDay: '', lastDay: '' };

describe('auditQueryOf', () => {
  it('turns Bangkok days into the instants that bound them, the last day included', () => {
    expect(auditQueryOf({ ...filters, firstDay: '2025-03-01', lastDay: '2025-03-02' })).toEqual({
      from: '2025-02-28T17:00:00.000Z',
      to: '2025-03-02T17:00:00.000Z',
    });
  });

  it('leaves out what is empty and trims what is typed', () => {
    expect(auditQueryOf(filters)).toEqual({});
    expect(auditQueryOf({ ...filters, user: ' admin ', action: ' camera. ', lastDay: '2025-03-02' })).toEqual(
      {
        user: 'admin',
        action: 'camera.',
        to: '2025-03-02T17:00:00.000Z',
      },
    );
  });

  it('refuses a reversed period and a half-typed day', () => {
    expect(auditQueryOf({ ...filters, firstDay: '2025-03-03', lastDay: '2025-03-01' })).toBe('reversed');
    expect(auditQueryOf({ ...filters, firstDay: '2025-03' })).toBe('incomplete');
  });

  it('starts with the last seven Bangkok days', () => {
    // 2025-03-10 20:00 UTC is already 11 March in Bangkok.
    expect(defaultFilters(new Date('2025-03-10T20:00:00Z'))).toMatchObject({
      firstDay: '2025-03-05',
      lastDay: '2025-03-11',
    });
  });
});
