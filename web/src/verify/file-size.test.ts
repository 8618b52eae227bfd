// Small tests for file sizes in the package's file list.
import { describe, expect, it } from 'vitest';
import { fileSize } from './file-size';

describe('fileSize', () => {
  it('counts bytes, then whole KB rounded up, then MB and GB', () => {
    expect(fileSize(512, 'en')).toBe('512 B');
    expect(fileSize(1025, 'en')).toBe('2 KB');
    expect(fileSize(1.5 * 1024 ** 2, 'en')).toBe('1.5 MB');
    expect(fileSize(12 * 1024 ** 3, 'th')).toBe('12 GB');
  });
});
