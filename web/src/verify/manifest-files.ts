// The files a package's manifest lists, read from its bytes: the plan to hash (however malformed the manifest), and
// once verified, each file with its SHA-256 and whether it matched.
import type { FileRole, Manifest } from '@toc/verifier/manifest';
import type { VerifyFailure, VerifyReport } from '@toc/verifier/report';
import type { PlannedFile } from './hash-progress';

export interface FileRow {
  path: string;
  bytes: number;
  sha256: string;
  role: FileRole;
  mediaType: string;
  cameraId: number | null;
  status: 'ok' | 'failed' | 'not-checked';
  failures: VerifyFailure[];
}

function parse(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    return null;
  }
}

/** Path and size of every well-enough listed file, for the progress bar; nothing from a manifest that is not one. */
export function planOf(bytes: Uint8Array): PlannedFile[] {
  const files = (parse(bytes) as { files?: unknown } | null)?.files;
  if (!Array.isArray(files)) return [];
  return files.flatMap((file: unknown) => {
    const { path, bytes: size } = (file ?? {}) as { path?: unknown; bytes?: unknown };
    return typeof path === 'string' && typeof size === 'number' && Number.isFinite(size)
      ? [{ path, bytes: size }]
      : [];
  });
}

/** The manifest's files with their outcome; empty unless the verifier found the manifest well-formed. */
export function fileRows(manifestBytes: Uint8Array | null, report: VerifyReport): FileRow[] {
  if (manifestBytes === null || report.manifest === null) return [];
  const manifest = parse(manifestBytes) as Manifest | null;
  if (!manifest || !Array.isArray(manifest.files)) return [];
  const ok = new Set(report.checks.filter((c) => c.code === 'file-ok').map((c) => c.path));
  return manifest.files.map((file) => {
    const failures = report.failures.filter((f) => f.path === file.path);
    return {
      path: file.path,
      bytes: file.bytes,
      sha256: file.sha256,
      role: file.role,
      mediaType: file.mediaType,
      cameraId: file.cameraId ?? null,
      status: failures.length > 0 ? 'failed' : ok.has(file.path) ? 'ok' : 'not-checked',
      failures,
    };
  });
}
