// Writes a signed evidence package (toc-evidence-package/1) to disk in one streaming pass: no video is ever buffered.
import { createHash, createPublicKey, sign, verify } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
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
import { digestFile, type FileDigest } from './file-digest';
import { useNativeZipCrc, zipCrc32 } from './zip-crc';

export interface PackageContentFile {
  /** Zip entry name, e.g. `video/camera-3-bang-pakong-bridge.mp4`. */
  path: string;
  /** Where the file is on disk now. */
  sourcePath: string;
  role: FileRole;
  mediaType: string;
  cameraId?: number;
  /**
   * Its digest when the caller already took it (an export digests each cut as soon as ffmpeg is done, while other
   * cameras are still being cut); the writer reads the file for it otherwise. The bytes zipped are checked against it.
   */
  digest?: FileDigest;
}

/** Everything of the manifest but what the writer computes: the file hashes and the signer. */
export type UnsignedManifest = Omit<Manifest, 'files' | 'signer'>;

export type PackageSigningKey = Pick<EvidenceSigningKey, 'privateKey' | 'publicKeyPem' | 'fingerprint'>;

export interface WritePackageInput {
  /** The finished zip's path; it appears there only when complete. */
  outPath: string;
  /**
   * The content files, in package order. An async source is zipped as it yields: an export's first camera is written
   * into the zip while the next ones are still being cut.
   */
  files: Iterable<PackageContentFile> | AsyncIterable<PackageContentFile>;
  /**
   * The manifest (without the file hashes), asked for once every content file is digested: it is signed and the
   * letter printed while the last files are still being zipped.
   */
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
  zipPath: string;
  zipBytes: number;
  zipSha256: string;
  manifest: Manifest;
  manifestSha256: string;
}

useNativeZipCrc();

/** Media that is already compressed is stored: deflating a video costs CPU and saves nothing. */
const STORED_MEDIA = /^(?:video|audio|image)\/|^application\/(?:pdf|zip|gzip)$/;
const FILE_MODE = 0o100644;
/** Read size for content files: large reads keep the per-chunk cost of the hash, CRC and zip stages small. */
const READ_CHUNK_BYTES = 1024 * 1024;

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

/** The file's digest: the caller's, or read now (refusing what is not a file). */
async function fileDigest(file: PackageContentFile): Promise<FileDigest> {
  if (file.digest) return file.digest;
  const info = await stat(file.sourcePath);
  if (!info.isFile()) throw new Error(`evidence package: ${file.sourcePath} is not a file`);
  return digestFile(file.sourcePath);
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

/** fsync, so a package reported as written survives a power cut. */
async function flushFile(filePath: string): Promise<void> {
  const handle = await open(filePath, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes the package: each content file is digested (or comes digested) and streams from disk into the zip, checked
 * against its digest; once all are digested the manifest is completed, serialised, signed with Ed25519, and added with
 * the signature, the public key, the letter and VERIFY.txt after the content. The zip is written to `<outPath>.partial`, flushed and
 * renamed; on any error (a content source's too) the partial file is removed.
 */
export async function writeEvidencePackage(input: WritePackageInput): Promise<WrittenPackage> {
  const { outPath, key, onProgress } = input;
  checkKey(key);
  const partialPath = `${outPath}.partial`;
  await mkdir(path.dirname(outPath), { recursive: true });
  const zip = new yazl.ZipFile();
  const zipHash = createHash('sha256');
  let zipBytes = 0;
  const output = await open(partialPath, 'w');
  const sink = createWriteStream(partialPath, { fd: output });
  const written = pipeline(
    zip.outputStream,
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        zipHash.update(chunk);
        zipBytes += chunk.length;
        done(null, chunk);
      },
    }),
    sink,
  );
  // Rejects on the first error of the zip or of the file being written, whatever step is awaited at that moment.
  const broken = new Promise<never>((_resolve, reject) => {
    zip.on('error', reject);
    written.catch(reject);
  });
  broken.catch(() => undefined);
  const guard = <T>(step: Promise<T>): Promise<T> => Promise.race([step, broken]);
  const sources: ReadStream[] = [];
  let mtime = new Date();
  // Each content file's bytes go to the disk while the next is zipped, so the final fsync has only the tail to wait
  // for (measured: the last 0.5 s of a 600 MB package). At most one flush at a time; the final fsync reports errors.
  let flushing: Promise<void> | null = null;
  const flushWritten = () => {
    if (flushing) return;
    flushing = output
      .datasync()
      .catch(() => undefined)
      .finally(() => (flushing = null));
  };

  try {
    let bytesDone = 0;
    let bytesKnown = 0;
    const seen = new Set<string>();
    const packageFiles: PackageFile[] = [];
    const zipped: Promise<void>[] = [];
    // Streams the file into the zip and checks that the bytes stored are the bytes digested (size and CRC-32: a file
    // changed in between fails the package here, and its SHA-256 in the verifier).
    const addFile = (file: PackageContentFile, digest: FileDigest) =>
      new Promise<void>((resolve, reject) => {
        const options = {
          size: digest.bytes,
          compress: !STORED_MEDIA.test(file.mediaType),
          mtime,
          mode: FILE_MODE,
        };
        // Lazy: a file is opened only when the zip reaches it, so a large export holds one descriptor at a time.
        zip.addReadStreamLazy(file.path, options, (ready) => {
          const source = createReadStream(file.sourcePath, { highWaterMark: READ_CHUNK_BYTES });
          sources.push(source);
          let crc = 0;
          source.on('error', reject);
          const tap = new Transform({
            transform(chunk: Buffer, _encoding, done) {
              crc = zipCrc32(chunk, crc);
              bytesDone += chunk.length;
              onProgress?.(bytesDone, bytesKnown);
              done(null, chunk);
            },
            flush(done) {
              flushWritten();
              // Rejecting fails the package (the partial zip is removed); the stream itself ends normally.
              if (crc === digest.crc32) resolve();
              else reject(new Error(`evidence package: ${file.path} changed after it was digested`));
              done();
            },
          });
          ready(null, source.pipe(tap));
        });
      });
    const pendingManifest = typeof input.manifest === 'function' ? null : input.manifest;
    if (pendingManifest) mtime = entryTime(pendingManifest.createdAt);
    for await (const file of input.files) {
      checkEntryName(file, seen);
      const digest = await guard(fileDigest(file));
      bytesKnown += digest.bytes;
      const entry = addFile(file, digest);
      entry.catch(() => undefined); // observed below
      zipped.push(entry);
      const listed: PackageFile = {
        path: file.path,
        bytes: digest.bytes,
        sha256: digest.sha256,
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
    // The letter is printed (by Chromium, another process) while the content is still streaming into the zip.
    const letterPdf = await guard(input.letter(manifestBytes, manifestSha256));
    await guard(Promise.all(zipped));

    const small = { mtime, mode: FILE_MODE };
    zip.addBuffer(manifestBytes, ENVELOPE.manifest, small);
    zip.addBuffer(Buffer.from(`${signature.toString('base64')}\n`), ENVELOPE.signature, small);
    zip.addBuffer(Buffer.from(key.publicKeyPem), ENVELOPE.publicKey, small);
    zip.addBuffer(letterPdf, ENVELOPE.letter, { ...small, compress: false });
    zip.addBuffer(Buffer.from(input.verifyText), ENVELOPE.readme, small);
    zip.end();
    await guard(written);

    await flushing;
    await flushFile(partialPath);
    await rename(partialPath, outPath);
    return { zipPath: outPath, zipBytes, zipSha256: zipHash.digest('hex'), manifest, manifestSha256 };
  } catch (error) {
    for (const source of sources) source.destroy();
    sink.destroy();
    await written.catch(() => undefined);
    await rm(partialPath, { force: true });
    throw error;
  }
}
