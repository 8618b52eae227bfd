// Audit CSV: Bangkok times and cells a spreadsheet will not run as formulas.
import { describe, expect, it } from 'vitest';
import { auditCsv, bangkokIso, inertCell } from './audit-csv';

describe('audit CSV', () => {
  it('writes instants at +07:00', () => {
    expect(bangkokIso('2025-01-01T20:30:00.000Z')).toBe('2025-01-02T03:30:00.000+07:00');
  });

  it('keeps formula-looking cells as text', () => {
    for (const value of ['=HYPERLINK("x")', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])
      expect(inertCell(value)).toBe(`'${value}`);
    expect(inertCell('admin')).toBe('admin');
    expect(inertCell(null)).toBe('');
  });

  it('has a bilingual header and one line per row', () => {
    const csv = auditCsv([
      {
        id: 9,
        at: '2025-01-01T00:00:00.000Z',
        userId: null,
        username: '=cmd',
        action: 'auth.login_failed',
        target: null,
        detail: {},
        ip: '127.0.0.1',
        userAgent: null,
      },
    ]);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toContain('action / การกระทำ');
    expect(lines[1]).toBe("9,2025-01-01T07:00:00.000+07:00,'=cmd,auth.login_failed,,127.0.0.1,,{}");
  });
});
