// Verifies a chosen package zip entirely in the browser (never uploaded): zip.js reads it entry by entry, @noble
// hashes and checks the Ed25519 signature, the shared verifier core decides; progress is told while files are hashed.
import { browserSignatureVerifier } from '@toc/verifier/browser-signature';
import { openBlobZipSource, type BlobZipSource } from '@toc/verifier/browser-zip-source';
import { ENVELOPE } from '@toc/verifier/manifest';
import type { VerifyReport } from '@toc/verifier/report';
import {
  unreadablePackageReport,
  verifyPackage,
  type PackageSource,
  type TrustAnchor,
} from '@toc/verifier/verify-package';
import { hashProgress, type HashProgress, type PlannedFile } from './hash-progress';
import { fileRows, planOf, type FileRow } from './manifest-files';

export interface Verification {
  report: VerifyReport;
  files: FileRow[];
}

const aborted = () => new DOMException('The check was stopped', 'AbortError');
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Resolves with the report (a file that is not a zip gets the "unreadable" report); rejects with an AbortError when
 * `signal` stops it, and with the verifier's TrustInputError when the trusted fingerprint or key is unusable.
 */
export async function verifyPackageFile(
  file: Blob,
  trust: TrustAnchor,
  onProgress: (progress: HashProgress) => void,
  signal: AbortSignal,
): Promise<Verification> {
  let plan: PlannedFile[] = [];
  const done = new Map<string, number>();
  let current: string | null = null;
  const tell = () => onProgress(hashProgress(plan, done, current));

  let source: BlobZipSource;
  try {
    source = await openBlobZipSource(file, {
      signal,
      onProgress: (name, bytes) => {
        done.set(name, bytes);
        tell();
      },
    });
  } catch (error) {
    if (signal.aborted) throw aborted();
    return { report: unreadablePackageReport(errorText(error)), files: [] };
  }

  let manifestBytes: Uint8Array | null = null;
  // The core reads the manifest first: its list of files is the plan the progress is measured against.
  const watched: PackageSource = {
    names: () => source.names(),
    readText: (name) => source.readText(name),
    async readBytes(name) {
      const bytes = await source.readBytes(name);
      if (name === ENVELOPE.manifest) {
        manifestBytes = bytes;
        plan = planOf(bytes);
        tell();
      }
      return bytes;
    },
    async sha256(name) {
      if (signal.aborted) throw aborted();
      current = name;
      tell();
      const result = await source.sha256(name);
      done.set(name, result.bytes);
      tell();
      return result;
    },
  };

  try {
    const report = await verifyPackage(watched, browserSignatureVerifier, trust);
    // A stopped check reports its unread files as failures: that is no verdict on the package.
    if (signal.aborted) throw aborted();
    return { report, files: fileRows(manifestBytes, report) };
  } finally {
    await source.close().catch(() => undefined);
  }
}
