// Small: only PostgreSQL's class-22 errors count as data exceptions, not system errors or other SQLSTATEs.
import { describe, expect, it } from 'vitest';
import { isPgDataException } from './pg-data-error';

describe('isPgDataException', () => {
  it('recognises class 22 database errors', () => {
    for (const code of ['22001', '22003', '22021', '22P02', '22007', '22008']) {
      expect(isPgDataException({ code, severity: 'ERROR' }), code).toBe(true);
    }
  });

  it('ignores other SQLSTATEs, system errors and non-errors', () => {
    expect(isPgDataException({ code: '23505', severity: 'ERROR' })).toBe(false);
    expect(isPgDataException({ code: '22001' })).toBe(false);
    expect(isPgDataException(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe(false);
    expect(isPgDataException(null)).toBe(false);
    expect(isPgDataException('22001')).toBe(false);
  });
});
