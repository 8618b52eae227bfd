// Verifies an evidence package (toc-evidence-package/1) through abstract zip and crypto adapters: runs in Node and browsers.
import { isSafeEntryName } from './entry-name';
import { ENVELOPE, ENVELOPE_NAMES, PACKAGE_FORMAT, type Manifest } from './manifest';
import { checkManifestShape } from './manifest-shape';
import { checkLine, failureLine, warningLine } from './messages';
import { base64ToBytes, ed25519KeyFromSpki, normalizeFingerprint, pemToDer } from './pem';
import type { ManifestSummary, VerifyCheck, VerifyFailure, VerifyReport, VerifyWarning } from './report';

/** Read access to the zip; one implementation per environment (yauzl in Node, zip.js in browsers). */
export interface PackageSource {
  /** Every entry name in zip order, duplicates kept. */
  names(): string[];
  /** Small entries only (manifest, signature, key); for duplicates, the first entry. */
  readText(name: string): Promise<string>;
  readBytes(name: string): Promise<Uint8Array>;
  /** Streams the entry through SHA-256, so a multi-GB video is never held whole. */
  sha256(name: string): Promise<{ hex: string; bytes: number }>;
}

/** Ed25519 and SHA-256; node:crypto in Node, @noble in browsers. */
export interface SignatureVerifier {
  /** Lowercase hex SHA-256 of the SPKI DER. */
  fingerprint(spkiDer: Uint8Array): Promise<string>;
  verify(publicKeyPem: string, message: Uint8Array, signature: Uint8Array): Promise<boolean>;
  /** Lowercase hex SHA-256. */
  sha256(bytes: Uint8Array): Promise<string>;
}

/** The key the reader trusts (the deployment's published key, or the fingerprint in the hand-over letter). */
export interface TrustAnchor {
  publicKeyPem?: string;
  fingerprint?: string;
}

/** The trust anchor given by the caller is unusable: a usage error, not a verdict on the package. */
export class TrustInputError extends Error {
  override readonly name = 'TrustInputError';
  constructor(
    message: string,
    readonly messageTh: string,
  ) {
    super(message);
  }
}

/** More manifest structure problems than this are summarised, so a hostile manifest cannot flood the report. */
const MAX_SHAPE_PROBLEMS = 50;
const SIGNATURE_BYTES = 64;

class ReportBuilder {
  readonly checks: VerifyCheck[] = [];
  readonly failures: VerifyFailure[] = [];
  readonly warnings: VerifyWarning[] = [];
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Lowercase hex SHA-256 fingerprint of the trusted key; null when none was given. Throws TrustInputError for a
 * malformed fingerprint, a key that is not Ed25519, or a key and a fingerprint that disagree.
 */
export async function resolveTrustedFingerprint(
  trust: TrustAnchor,
  verifier: SignatureVerifier,
): Promise<string | null> {
  let fingerprint: string | null = null;
  if (trust.fingerprint !== undefined) {
    fingerprint = normalizeFingerprint(trust.fingerprint);
    if (fingerprint === null) {
      throw new TrustInputError(
        'The trusted fingerprint must be 64 hexadecimal digits (a SHA-256)',
        'ลายนิ้วมือของกุญแจที่เชื่อถือต้องเป็นเลขฐานสิบหก 64 หลัก (SHA-256)',
      );
    }
  }
  if (trust.publicKeyPem !== undefined) {
    let der: Uint8Array;
    try {
      der = pemToDer(trust.publicKeyPem);
    } catch (error) {
      throw new TrustInputError(
        `The trusted key is not a PEM public key: ${errorText(error)}`,
        `กุญแจที่เชื่อถือไม่ใช่กุญแจสาธารณะแบบ PEM: ${errorText(error)}`,
      );
    }
    if (ed25519KeyFromSpki(der) === null) {
      throw new TrustInputError(
        'The trusted key is not an Ed25519 public key',
        'กุญแจที่เชื่อถือไม่ใช่กุญแจสาธารณะ Ed25519',
      );
    }
    const keyFingerprint = await verifier.fingerprint(der);
    if (fingerprint !== null && fingerprint !== keyFingerprint) {
      throw new TrustInputError(
        `The trusted key (fingerprint ${keyFingerprint}) and the trusted fingerprint ${fingerprint} are different keys`,
        `กุญแจที่เชื่อถือ (ลายนิ้วมือ ${keyFingerprint}) กับลายนิ้วมือที่เชื่อถือ ${fingerprint} เป็นคนละกุญแจกัน`,
      );
    }
    fingerprint = keyFingerprint;
  }
  return fingerprint;
}

function checkEntryNames(names: readonly string[], out: ReportBuilder): Set<string> {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  const unsafe = new Set<string>();
  for (const [name, count] of counts) {
    if (count > 1) out.failures.push(failureLine('duplicate-entry', { path: name }));
    if (!isSafeEntryName(name)) {
      unsafe.add(name);
      out.failures.push(failureLine('unsafe-entry-name', { path: name }));
    }
  }
  if (out.failures.length === 0) out.checks.push(checkLine('entry-names'));
  return unsafe;
}

type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

function parseJson(bytes: Uint8Array): Parsed {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: 'not UTF-8 text' };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: errorText(error) };
  }
}

/** The manifest when it is a well-formed toc-evidence-package/1 manifest; failures otherwise. */
function checkManifest(parsed: Parsed, out: ReportBuilder): Manifest | null {
  if (!parsed.ok) {
    out.failures.push(failureLine('manifest-not-json', { detail: parsed.error }));
    return null;
  }
  const value = parsed.value;
  const format =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>).format : undefined;
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && format !== PACKAGE_FORMAT) {
    out.failures.push(
      failureLine('manifest-wrong-format', {
        actual: format === undefined ? '(none)' : JSON.stringify(format),
      }),
    );
    return null;
  }
  const problems = checkManifestShape(value);
  for (const problem of problems.slice(0, MAX_SHAPE_PROBLEMS)) {
    out.failures.push(
      failureLine('manifest-invalid', {
        detail: problem.field,
        expected: problem.expected,
        expectedTh: problem.expectedTh,
      }),
    );
  }
  if (problems.length > MAX_SHAPE_PROBLEMS) {
    const more = `${problems.length - MAX_SHAPE_PROBLEMS} more places`;
    out.failures.push(
      failureLine('manifest-invalid', {
        detail: more,
        expected: 'see above',
        expectedTh: 'ไปตามรายการข้างต้น',
      }),
    );
  }
  if (problems.length > 0) return null;
  out.checks.push(checkLine('manifest-valid'));
  return value as Manifest;
}

/** The fingerprint the (possibly malformed) manifest claims for its signer, if it names one. */
function claimedSigner(parsed: Parsed | null): string | null {
  if (!parsed?.ok || typeof parsed.value !== 'object' || parsed.value === null) return null;
  const signer = (parsed.value as { signer?: unknown }).signer;
  const fingerprint =
    typeof signer === 'object' && signer !== null
      ? (signer as { publicKeyFingerprint?: unknown }).publicKeyFingerprint
      : undefined;
  return typeof fingerprint === 'string' ? fingerprint : null;
}

function summarise(manifest: Manifest): ManifestSummary {
  return {
    packageId: manifest.packageId,
    createdAt: manifest.createdAt,
    reference: manifest.request.reference,
    caseNumber: manifest.request.caseNumber,
    station: manifest.request.station,
    cameras: manifest.cameras.map((camera) => ({ id: camera.id, name: camera.name, nameTh: camera.nameTh })),
    fileCount: manifest.files.length,
  };
}

/** The package's public key as PEM and its fingerprint, or null after reporting why it is unusable. */
async function readPublicKey(
  source: PackageSource,
  verifier: SignatureVerifier,
  out: ReportBuilder,
): Promise<{ pem: string; fingerprint: string } | null> {
  let pem: string;
  try {
    pem = await source.readText(ENVELOPE.publicKey);
  } catch (error) {
    out.failures.push(failureLine('file-unreadable', { path: ENVELOPE.publicKey, detail: errorText(error) }));
    return null;
  }
  let der: Uint8Array;
  try {
    der = pemToDer(pem);
  } catch (error) {
    out.failures.push(failureLine('public-key-invalid', { detail: errorText(error) }));
    return null;
  }
  if (ed25519KeyFromSpki(der) === null) {
    out.failures.push(failureLine('public-key-invalid', { detail: 'not an Ed25519 SubjectPublicKeyInfo' }));
    return null;
  }
  return { pem, fingerprint: await verifier.fingerprint(der) };
}

async function readSignature(source: PackageSource, out: ReportBuilder): Promise<Uint8Array | null> {
  let text: string;
  try {
    text = await source.readText(ENVELOPE.signature);
  } catch (error) {
    out.failures.push(failureLine('file-unreadable', { path: ENVELOPE.signature, detail: errorText(error) }));
    return null;
  }
  try {
    const signature = base64ToBytes(text);
    if (signature.length === SIGNATURE_BYTES) return signature;
  } catch {
    // Reported below, as for a wrong length.
  }
  out.failures.push(failureLine('signature-malformed'));
  return null;
}

async function verifySignature(
  verifier: SignatureVerifier,
  pem: string,
  message: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  try {
    return await verifier.verify(pem, message, signature);
  } catch {
    return false;
  }
}

/** Hashes every listed file (one at a time: they may be large) and compares size and SHA-256 with the manifest. */
async function checkFiles(
  source: PackageSource,
  manifest: Manifest,
  present: ReadonlySet<string>,
  out: ReportBuilder,
): Promise<void> {
  for (const file of manifest.files) {
    const path = file.path;
    if (!present.has(path)) {
      out.failures.push(failureLine('file-missing', { path }));
      continue;
    }
    let actual: { hex: string; bytes: number };
    try {
      actual = await source.sha256(path);
    } catch (error) {
      out.failures.push(failureLine('file-unreadable', { path, detail: errorText(error) }));
      continue;
    }
    if (actual.bytes !== file.bytes) {
      out.failures.push(
        failureLine('file-size-mismatch', {
          path,
          actual: String(actual.bytes),
          expected: String(file.bytes),
        }),
      );
    } else if (actual.hex !== file.sha256) {
      out.failures.push(
        failureLine('file-hash-mismatch', { path, actual: actual.hex, expected: file.sha256 }),
      );
    } else {
      out.checks.push(checkLine('file-ok', { path }));
    }
  }
}

function checkExtraEntries(
  names: readonly string[],
  manifest: Manifest,
  unsafe: ReadonlySet<string>,
  out: ReportBuilder,
): void {
  const listed = new Set(manifest.files.map((file) => file.path));
  let extra = false;
  for (const name of new Set(names)) {
    // Unsafe names are already reported as such. A folder entry (`video/`) holds no content: zip tools add them when
    // a package is unzipped and zipped again, which must not make intact footage fail.
    if (listed.has(name) || ENVELOPE_NAMES.includes(name) || unsafe.has(name) || name.endsWith('/')) continue;
    extra = true;
    out.failures.push(failureLine('extra-entry', { path: name }));
  }
  if (!extra && unsafe.size === 0) out.checks.push(checkLine('no-extra-entries'));
}

/**
 * Checks a package: entry names, the manifest's structure, the Ed25519 signature over manifest.json, that the
 * signing key is the one the manifest names (and the trusted one, when given), every listed file's size and
 * SHA-256, and that nothing unlisted was added. Every problem is reported, not only the first.
 * Throws TrustInputError when `trust` is unusable (a malformed fingerprint or key).
 */
export async function verifyPackage(
  source: PackageSource,
  verifier: SignatureVerifier,
  trust: TrustAnchor = {},
): Promise<VerifyReport> {
  const trusted = await resolveTrustedFingerprint(trust, verifier);
  const out = new ReportBuilder();
  const names = source.names();
  const present = new Set(names);
  const unsafe = checkEntryNames(names, out);

  if (!present.has(ENVELOPE.manifest)) out.failures.push(failureLine('manifest-missing'));
  if (!present.has(ENVELOPE.signature)) out.failures.push(failureLine('signature-missing'));
  if (!present.has(ENVELOPE.publicKey)) out.failures.push(failureLine('public-key-missing'));
  if (!present.has(ENVELOPE.letter)) out.warnings.push(warningLine('letter-missing'));
  if (!present.has(ENVELOPE.readme)) out.warnings.push(warningLine('readme-missing'));

  let manifestBytes: Uint8Array | null = null;
  let manifestSha256: string | null = null;
  if (present.has(ENVELOPE.manifest)) {
    try {
      manifestBytes = await source.readBytes(ENVELOPE.manifest);
      manifestSha256 = await verifier.sha256(manifestBytes);
    } catch (error) {
      out.failures.push(
        failureLine('file-unreadable', { path: ENVELOPE.manifest, detail: errorText(error) }),
      );
    }
  }
  const parsed = manifestBytes === null ? null : parseJson(manifestBytes);
  const manifest = parsed === null ? null : checkManifest(parsed, out);

  const key = present.has(ENVELOPE.publicKey) ? await readPublicKey(source, verifier, out) : null;
  const signature = present.has(ENVELOPE.signature) ? await readSignature(source, out) : null;
  // Without the package's key, a trusted key still shows whether the manifest is intact.
  const verifyingPem = key?.pem ?? trust.publicKeyPem ?? null;
  let signatureValid = false;
  if (manifestBytes !== null && signature !== null && verifyingPem !== null) {
    signatureValid = await verifySignature(verifier, verifyingPem, manifestBytes, signature);
    if (signatureValid) out.checks.push(checkLine('signature-valid'));
    else out.failures.push(failureLine('signature-invalid'));
  }

  const claimed = claimedSigner(parsed);
  if (key !== null && claimed !== null) {
    if (claimed === key.fingerprint) out.checks.push(checkLine('signer-matches-manifest'));
    else out.failures.push(failureLine('signer-mismatch', { actual: key.fingerprint, expected: claimed }));
  }

  let trustResult: VerifyReport['trusted'] = 'not-checked';
  if (trusted === null) {
    out.warnings.push(
      warningLine('trust-not-checked', { actual: key?.fingerprint ?? claimed ?? '(unknown)' }),
    );
  } else if (key !== null) {
    trustResult = key.fingerprint === trusted ? 'matched' : 'mismatch';
    if (trustResult === 'matched') out.checks.push(checkLine('signer-trusted', { actual: trusted }));
    else out.failures.push(failureLine('signer-not-trusted', { actual: key.fingerprint, expected: trusted }));
  } else if (signatureValid) {
    // No key in the package, but the trusted key itself verified the signature.
    trustResult = 'matched';
    out.checks.push(checkLine('signer-trusted', { actual: trusted }));
  }

  if (manifest !== null) {
    await checkFiles(source, manifest, present, out);
    checkExtraEntries(names, manifest, unsafe, out);
  }

  return {
    ok: out.failures.length === 0,
    manifestSha256,
    signerFingerprint: key?.fingerprint ?? null,
    trusted: trustResult,
    manifest: manifest === null ? null : summarise(manifest),
    checks: out.checks,
    failures: out.failures,
    warnings: out.warnings,
  };
}

/** The report for a file that is not a readable zip at all (so no source could be made from it). */
export function unreadablePackageReport(detail: string): VerifyReport {
  return {
    ok: false,
    manifestSha256: null,
    signerFingerprint: null,
    trusted: 'not-checked',
    manifest: null,
    checks: [],
    failures: [failureLine('package-unreadable', { detail })],
    warnings: [],
  };
}
