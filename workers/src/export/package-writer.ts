// Writes a signed evidence package (toc-evidence-package/1) as a stored zip in one pass: each video is placed in the
// package as it is and read once, to digest it, and never held whole.
import { createHash, createPublicKey, sign, verify } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { EvidenceSigningKey } from '@toc/server/lib/evidence-signing-key';
import { isSafeEntryName } from '@toc/verifier/entry-name';
import {
  ENVELOPE,
  ENVELOPE_NAMES,
  type FileRole,
  type Manifest,
  type PackageFile,
} from '@toc/verifier/manifest';
import { checkManifestShape } from '@toc/verifier/manifest-shape';
import { StoredZipWriter } from './zip-writer';

export interface PackageContentFile {
  /** Zip entry name, e.g. `video/camera-3-bang-pakong-bridge.mp4`. */
  path: string;
  /** Where the file is on disk now. */
  sourcePath: string;
  /** The file was made for this package and is moved into it (else it is copied). */
  owned?: boolean;
  role: FileRole;
  mediaType: string;
  cameraId?: number;
}

/** Everything of the manifest but what the writer computes: the file hashes and the signer. */
export type UnsignedManifest = Omit<Manifest, 'files' | 'signer'>;

export type PackageSigningKey = Pick<EvidenceSigningKey, 'privateKey' | 'publicKeyPem' | 'fingerprint'>;

export interface WritePackageInput {
  /** The finished package's folder (a stored zip, see server/src/lib/stored-zip.ts); it appears only when complete. */
  outDir: string;
  /**
   * The content files, in package order. An async source is zipped as it yields: an export's first camera is written
   * into the zip while the next ones are still being cut.
   */
  files: Iterable<PackageContentFile> | AsyncIterable<PackageContentFile>;
  /** The manifest (without the file hashes), asked for once every content file is in the zip. */
  manifest: UnsignedManifest | (() => Promise<UnsignedManifest>);
  key: PackageSigningKey;
  /** Renders the hand-over letter (PDF) from the exact manifest bytes and their SHA-256. */
  letter: (manifestBytes: Buffer, manifestSha256: string) => Promise<Buffer>;
  /** The text of VERIFY.txt (see verify-readme.ts). */
  verifyText: string;
  /** Bytes of content files written so far, of those given so far. */
  onProgress?: (bytesDone: number, bytesKnown: number) => void;
}

export interface WrittenPackage {
  dir: string;
  zipBytes: number;
  zipSha256: string;
  manifest: Manifest;
  manifestSha256: string;
}

/** Content files (videos, scanned forms: already compressed) are stored; the small text envelope is deflated. */
const FILE_MODE = 0o100644;

/** The manifest's exact bytes: 2-space JSON and a final newline (what the signature and the letter's hash cover). */
export function serialiseManifest(manifest: Manifest): Buffer {
  return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
}

const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Throws for an entry name that is unsafe, a directory, an envelope file's, or already in the package. */
function checkEntryName(file: PackageContentFile, seen: Set<string>): void {
  if (!isSafeEntryName(file.path) || file.path.endsWith('/') || ENVELOPE_NAMES.includes(file.path)) {
    throw new Error(
      `evidence package: "${file.path}" cannot be an entry name (unsafe, a directory or an envelope file)`,
    );
  }
  if (seen.has(file.path)) throw new Error(`evidence package: "${file.path}" is listed twice`);
  seen.add(file.path);
}

/** Refuses a key whose parts disagree, which would produce a package that can never verify. */
function checkKey(key: PackageSigningKey): void {
  const publicKey = createPublicKey(key.publicKeyPem);
  if (publicKey.asymmetricKeyType !== 'ed25519')
    throw new Error('evidence package: the signing key is not Ed25519');
  if (sha256Hex(publicKey.export({ type: 'spki', format: 'der' })) !== key.fingerprint) {
    throw new Error('evidence package: the signing key fingerprint does not belong to its public key');
  }
  const probe = Buffer.from('toc-evidence-package key check');
  if (!verify(null, probe, publicKey, sign(null, probe, key.privateKey))) {
    throw new Error('evidence package: the private signing key does not match its public key');
  }
}

/** The complete manifest, fields in the order of the Manifest type; throws if the verifier would reject it. */
function completeManifest(base: UnsignedManifest, key: PackageSigningKey, files: PackageFile[]): Manifest {
  const { format, packageId, createdAt, software, clockSource, ...rest } = base;
  const manifest: Manifest = {
    format,
    packageId,
    createdAt,
    software,
    clockSource,
    signer: { algorithm: 'Ed25519', publicKeyFingerprint: key.fingerprint },
    ...rest,
    files,
  };
  const problems = checkManifestShape(manifest);
  if (problems.length > 0) {
    const list = problems.slice(0, 5).map((problem) => `${problem.field} (expected ${problem.expected})`);
    throw new Error(`evidence package: the manifest would not verify: ${list.join('; ')}`);
  }
  return manifest;
}

/** The entries' modification time: the manifest's creation time when it is valid. */
function entryTime(createdAt: string): Date {
  const at = new Date(createdAt);
  return Number.isNaN(at.getTime()) ? new Date() : at;
}

/**
 * Writes the package: each content file is placed in the package and digested (SHA-256) in one read; then the
 * manifest is completed, serialised, signed with Ed25519, and added with the signature, the public key, the letter and
 * VERIFY.txt after the content. The package is written to `<outDir>.partial`, flushed and renamed; on any error (a
 * content source's too) the partial folder is removed.
 */
export async function writeEvidencePackage(input: WritePackageInput): Promise<WrittenPackage> {
  const { outDir, key, onProgress } = input;
  checkKey(key);
  const partialDir = `${outDir}.partial`;
  await mkdir(path.dirname(outDir), { recursive: true });
  const zip = await StoredZipWriter.create(partialDir);
  const pendingManifest = typeof input.manifest === 'function' ? null : input.manifest;
  const entry = {
    mtime: pendingManifest ? entryTime(pendingManifest.createdAt) : new Date(),
    mode: FILE_MODE,
  };
  try {
    let bytesDone = 0;
    let bytesKnown = 0;
    const seen = new Set<string>();
    const packageFiles: PackageFile[] = [];
    for await (const file of input.files) {
      checkEntryName(file, seen);
      const info = await stat(file.sourcePath);
      if (!info.isFile()) throw new Error(`evidence package: ${file.sourcePath} is not a file`);
      bytesKnown += info.size;
      const hash = createHash('sha256');
      const { bytes } = await zip.addFile(file.path, file.sourcePath, {
        ...entry,
        expectedBytes: info.size,
        move: file.owned ?? false,
        onChunk: (chunk) => {
          hash.update(chunk);
          bytesDone += chunk.length;
          onProgress?.(bytesDone, bytesKnown);
        },
      });
      const listed: PackageFile = {
        path: file.path,
        bytes,
        sha256: hash.digest('hex'),
        role: file.role,
        mediaType: file.mediaType,
      };
      packageFiles.push(file.cameraId === undefined ? listed : { ...listed, cameraId: file.cameraId });
    }
    const base = pendingManifest ?? (await (input.manifest as () => Promise<UnsignedManifest>)());
    const manifest = completeManifest(base, key, packageFiles);
    const manifestBytes = serialiseManifest(manifest);
    const manifestSha256 = sha256Hex(manifestBytes);
    const signature = sign(null, manifestBytes, key.privateKey);
    const letterPdf = await input.letter(manifestBytes, manifestSha256);

    const small = { ...entry, compress: true };
    await zip.addBuffer(ENVELOPE.manifest, manifestBytes, small);
    await zip.addBuffer(ENVELOPE.signature, Buffer.from(`${signature.toString('base64')}\n`), small);
    await zip.addBuffer(ENVELOPE.publicKey, Buffer.from(key.publicKeyPem), small);
    await zip.addBuffer(ENVELOPE.letter, letterPdf, { ...small, compress: false });
    await zip.addBuffer(ENVELOPE.readme, Buffer.from(input.verifyText), small);
    const written = await zip.finish();
    await rename(partialDir, outDir);
    return { dir: outDir, zipBytes: written.bytes, zipSha256: written.sha256, manifest, manifestSha256 };
  } catch (error) {
    await zip.abort();
    await rm(partialDir, { recursive: true, force: true });
    throw error;
  }
}
