// Small tests for the upload progress figures.
import { describe, expect, it } from 'vitest';
import { megabytes, uploadProgress } from './upload-progress';

const MB = 1024 * 1024;

describe('uploadProgress', () => {
  it('gives whole percent, floored, and megabytes sent of the total', () => {
    expect(uploadProgress(0, 20 * MB)).toEqual({ percent: 0, sentMb: 0, totalMb: 20 });
    expect(uploadProgress(5 * MB, 20 * MB)).toEqual({ percent: 25, sentMb: 5, totalMb: 20 });
    expect(uploadProgress(20 * MB - 1, 20 * MB).percent).toBe(99);
    expect(uploadProgress(20 * MB, 20 * MB).percent).toBe(100);
  });

  it('stays within 0–100 whatever the browser reports', () => {
    expect(uploadProgress(30, 20).percent).toBe(100);
    expect(uploadProgress(-5, 20).percent).toBe(0);
    expect(uploadProgress(0, 0).percent).toBe(0);
  });
});

describe('megabytes', () => {
  it('keeps one decimal below 100 MB and whole megabytes above', () => {
    expect(megabytes(0.44 * MB)).toBe(0.4);
    expect(megabytes(12.36 * MB)).toBe(12.4);
    expect(megabytes(127.6 * MB)).toBe(128);
    expect(megabytes(Number.NaN)).toBe(0);
  });
});
