// Small tests for reading the manifest's file list: a tolerant plan for progress, rows with their outcome.
import { describe, expect, it } from 'vitest';
import type { VerifyReport } from '@toc/verifier/report';
import { fileRows, planOf } from './manifest-files';

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

const files = [
  {
    path: 'video/a.mp4',
    bytes: 900,
    sha256: 'a'.repeat(64),
    role: 'master',
    mediaType: 'video/mp4',
    cameraId: 3,
  },
  {
    path: 'attachments/form.pdf',
    bytes: 100,
    sha256: 'b'.repeat(64),
    role: 'attachment',
    mediaType: 'application/pdf',
  },
  {
    path: 'video/b.mp4',
    bytes: 50,
    sha256: 'c'.repeat(64),
    role: 'master',
    mediaType: 'video/mp4',
    cameraId: 4,
  },
];

const report = (part: Partial<VerifyReport>): VerifyReport => ({
  ok: false,
  manifestSha256: 'd'.repeat(64),
  signerFingerprint: null,
  trusted: 'not-checked',
  manifest: {
    packageId: 'p',
    createdAt: '2025-11-22T07:00:00Z',
    reference: 'FR-2568-1',
    caseNumber: '12/2568',
    station: 'Mueang',
    cameras: [],
    fileCount: 3,
  },
  checks: [],
  failures: [],
  warnings: [],
  ...part,
});

describe('planOf', () => {
  it('lists path and size of each listed file', () => {
    expect(planOf(bytes({ files }))).toEqual([
      { path: 'video/a.mp4', bytes: 900 },
      { path: 'attachments/form.pdf', bytes: 100 },
      { path: 'video/b.mp4', bytes: 50 },
    ]);
  });

  it('skips what it cannot read and plans nothing from a broken manifest', () => {
    expect(planOf(bytes({ files: [{ path: 'x' }, null, { path: 'y', bytes: 2 }] }))).toEqual([
      { path: 'y', bytes: 2 },
    ]);
    expect(planOf(new TextEncoder().encode('{not json'))).toEqual([]);
    expect(planOf(bytes({ files: 'none' }))).toEqual([]);
  });
});

describe('fileRows', () => {
  it('marks each file matched, failed (with its failures) or not checked', () => {
    const rows = fileRows(
      bytes({ files }),
      report({
        checks: [{ code: 'file-ok', path: 'video/a.mp4', message: '', messageTh: '' }],
        failures: [
          {
            code: 'file-hash-mismatch',
            path: 'attachments/form.pdf',
            message: 'changed',
            messageTh: 'ถูกแก้ไข',
          },
        ],
      }),
    );
    expect(rows.map((r) => [r.path, r.status, r.cameraId])).toEqual([
      ['video/a.mp4', 'ok', 3],
      ['attachments/form.pdf', 'failed', null],
      ['video/b.mp4', 'not-checked', 4],
    ]);
    expect(rows[1]!.failures[0]!.messageTh).toBe('ถูกแก้ไข');
    expect(rows[0]!.sha256).toBe('a'.repeat(64));
  });

  it('lists nothing when the verifier refused the manifest', () => {
    expect(fileRows(bytes({ files }), report({ manifest: null }))).toEqual([]);
    expect(fileRows(null, report({}))).toEqual([]);
  });
});
