// Small tests for the package check's progress: by bytes over every listed file, files counted when finished.
import { describe, expect, it } from 'vitest';
import { hashProgress } from './hash-progress';

const plan = [
  { path: 'video/a.mp4', bytes: 900 },
  { path: 'attachments/form.pdf', bytes: 100 },
];

describe('hashProgress', () => {
  it('starts at nothing done', () => {
    expect(hashProgress(plan, new Map(), null)).toEqual({
      file: null,
      bytesDone: 0,
      bytesTotal: 1000,
      filesDone: 0,
      filesTotal: 2,
      fraction: 0,
    });
  });

  it('counts the bytes of a file part way through', () => {
    const progress = hashProgress(plan, new Map([['video/a.mp4', 450]]), 'video/a.mp4');
    expect(progress).toMatchObject({ file: 'video/a.mp4', bytesDone: 450, filesDone: 0, fraction: 0.45 });
  });

  it('counts a file once all its bytes are hashed, and never more than its size', () => {
    const progress = hashProgress(
      plan,
      new Map([
        ['video/a.mp4', 900],
        ['attachments/form.pdf', 5000],
      ]),
      'attachments/form.pdf',
    );
    expect(progress).toMatchObject({ bytesDone: 1000, filesDone: 2, fraction: 1 });
  });

  it('ignores entries that are not in the plan', () => {
    expect(hashProgress(plan, new Map([['extra.bin', 700]]), 'extra.bin').bytesDone).toBe(0);
  });

  it('finishes a plan of empty files when each is done, and an empty plan stays at zero', () => {
    const empty = [{ path: 'a', bytes: 0 }];
    expect(hashProgress(empty, new Map(), null).fraction).toBe(0);
    expect(hashProgress(empty, new Map([['a', 0]]), 'a')).toMatchObject({ filesDone: 1, fraction: 1 });
    expect(hashProgress([], new Map(), null).fraction).toBe(0);
  });
});
