// Real packages (real MP4s from ffmpeg, the real writer and signing key) checked by the CLI as a child process,
// tampered in each way a court should catch, and by the browser adapters with the same verdicts.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { openAsBlob } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSigningKey, type EvidenceSigningKey } from '../../server/src/lib/evidence-signing-key';
import { saveStoredZip } from '../../server/src/lib/stored-zip';
import {
  writeEvidencePackage,
  type UnsignedManifest,
  type WrittenPackage,
} from '../../workers/src/export/package-writer';
import { verifyReadme } from '../../workers/src/export/verify-readme';
import { browserSignatureVerifier } from '../src/browser-signature';
import { openBlobZipSource } from '../src/browser-zip-source';
import { PACKAGE_FORMAT } from '../src/manifest';
import type { VerifyReport } from '../src/report';
import { verifyPackage, type TrustAnchor } from '../src/verify-package';
import { rawZip, type RawEntry } from './raw-zip';

const run = promisify(execFile);
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const VIDEO_3 = 'video/camera-3-bang-pakong-bridge.mp4';
const VIDEO_5 = 'video/camera-5-market-junction.mp4';
const FORM = 'attachments/request-form.pdf';

let dir: string;
let key: EvidenceSigningKey;
let otherKey: EvidenceSigningKey;
let keyPemPath: string;
let pristine: WrittenPackage & { zipPath: string };
let progress: [number, number][];
let letterCalls: { manifestBytes: Buffer; manifestSha256: string }[];
const zips: Record<
  'pristine' | 'otherKey' | 'tamperedByte' | 'editedManifest' | 'removedFile' | 'addedFile',
  string
> = {
  pristine: '',
  otherKey: '',
  tamperedByte: '',
  editedManifest: '',
  removedFile: '',
  addedFile: '',
};

async function makeVideo(out: string, source: string): Promise<void> {
  await run('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `${source}=duration=2:size=320x240:rate=10`,
    '-c:v',
    'libx264',
    '-pix_fmt',
    'yuv420p',
    out,
  ]);
}

const span = (from: string, to: string) => ({ from, to });

function unsignedManifest(): UnsignedManifest {
  const camera = (id: number, name: string, nameTh: string, file: string) => ({
    id,
    name,
    nameTh,
    position: { lon: 101.06 + id / 1000, lat: 13.49 },
    headingDeg: 90,
    fovDeg: 62,
    calibration: null,
    window: span('2026-12-04T12:55:00Z', '2026-12-04T12:55:02Z'),
    covered: span('2026-12-04T12:55:00Z', '2026-12-04T12:55:02Z'),
    gaps: [],
    segments: [
      {
        path: `${id}/2026-12-04/20261204T125000Z.mp4`,
        startedAt: '2026-12-04T12:50:00Z',
        endedAt: '2026-12-04T13:00:00Z',
        bytes: 31_457_280,
        sha256: sha256(Buffer.from(`segment ${id}`)),
        interrupted: false,
      },
    ],
    files: [file],
    cut: { tool: 'ffmpeg', arguments: ['-ss', '300', '-t', '2', '-c', 'copy'], inputs: [] },
  });
  return {
    format: PACKAGE_FORMAT,
    packageId: '0f5e6a8c-2b1d-4e7f-9a3c-5d6e7f8a9b0c',
    createdAt: '2026-12-05T10:30:00Z',
    software: { name: 'toc', version: '0.1.0', ffmpeg: 'test' },
    clockSource: 'recorder wall clock (chrony)',
    request: {
      id: 7,
      reference: 'FR-2569-0007',
      caseNumber: 'คดีอาญาที่ 77/2569',
      station: 'สภ.บางปะกง',
      kind: 'walk_in',
      requester: { name: 'ร.ต.ท. ทดสอบ ระบบ', rank: 'ร.ต.ท.', officerId: '1234' },
      approver: { name: 'Supervisor One', username: 'supervisor1' },
      legalBasis: 'ป.วิ.อ. มาตรา 132',
      reason: 'อุบัติเหตุชนแล้วหนี',
      place: { lon: 101.06, lat: 13.49, label: 'สะพานบางปะกง' },
      window: span('2026-12-04T12:55:00Z', '2026-12-04T12:55:02Z'),
      steps: [{ status: 'approved', at: '2026-12-05T09:58:03Z', by: 'supervisor1', note: 'อนุมัติ' }],
    },
    cameras: [
      camera(3, 'Bang Pakong Bridge', 'สะพานบางปะกง', VIDEO_3),
      camera(5, 'Market junction', 'แยกตลาด', VIDEO_5),
    ],
  };
}

/** A package written as the export writes it (a stored zip), and saved as the zip file a download gives. */
async function writePackage(
  signingKey: EvidenceSigningKey,
  name: string,
): Promise<WrittenPackage & { zipPath: string }> {
  progress = [];
  letterCalls = [];
  const written = await writeEvidencePackage({
    outDir: path.join(dir, `${name}.stored`),
    files: [
      {
        path: VIDEO_3,
        sourcePath: path.join(dir, 'cam3.mp4'),
        role: 'master',
        mediaType: 'video/mp4',
        cameraId: 3,
      },
      {
        path: VIDEO_5,
        sourcePath: path.join(dir, 'cam5.mp4'),
        role: 'master',
        mediaType: 'video/mp4',
        cameraId: 5,
      },
      {
        path: FORM,
        sourcePath: path.join(dir, 'form.pdf'),
        role: 'attachment',
        mediaType: 'application/pdf',
      },
    ],
    manifest: unsignedManifest(),
    key: signingKey,
    letter: async (manifestBytes, manifestSha256) => {
      letterCalls.push({ manifestBytes, manifestSha256 });
      return Buffer.from(`%PDF-1.4\n% hand-over letter, manifest ${manifestSha256}\n%%EOF\n`);
    },
    verifyText: verifyReadme({ fingerprint: signingKey.fingerprint, packageName: name }),
    onProgress: (done, total) => progress.push([done, total]),
  });
  const zipPath = path.join(dir, name);
  await saveStoredZip(written.dir, zipPath);
  return { ...written, zipPath };
}

type ReadEntry = RawEntry & { data: Buffer; method: number };

async function readEntries(zipPath: string): Promise<ReadEntry[]> {
  const zip = await yauzl.openPromise(zipPath, { lazyEntries: true });
  const entries: ReadEntry[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
      entries.push({
        name: entry.fileName,
        data: Buffer.concat(chunks),
        deflate: entry.compressionMethod === 8,
        method: entry.compressionMethod,
      });
    }
  } finally {
    zip.close();
  }
  return entries;
}

/** Copies the pristine package with its entries changed by `edit`. */
async function rezip(name: string, edit: (entries: ReadEntry[]) => RawEntry[]): Promise<string> {
  const out = path.join(dir, name);
  await writeFile(out, rawZip(edit(await readEntries(zips.pristine))));
  return out;
}

/** Flips one byte in the middle of an entry's stored data, leaving the zip structure intact. */
async function flipByte(source: string, name: string, out: string): Promise<void> {
  const zip = await yauzl.openPromise(source, { lazyEntries: true });
  let at = -1;
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName !== name) continue;
      expect(entry.compressionMethod).toBe(0);
      const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
      at = fileDataStart + Math.floor(entry.compressedSize / 2);
    }
  } finally {
    zip.close();
  }
  expect(at).toBeGreaterThan(0);
  const bytes = await readFile(source);
  bytes[at] = bytes[at]! ^ 0x01;
  await writeFile(out, bytes);
}

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'verifier/src/verify.cli.ts', ...args],
      { cwd: REPO_ROOT },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

async function cliJson(zipPath: string, ...trust: string[]): Promise<{ code: number; report: VerifyReport }> {
  const result = await cli(zipPath, ...trust, '--json');
  return { code: result.code, report: JSON.parse(result.stdout) as VerifyReport };
}

const failuresOf = (report: VerifyReport) =>
  report.failures.map((failure) => ({ code: failure.code, path: failure.path ?? null }));

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'verify-cli-'));
  await makeVideo(path.join(dir, 'cam3.mp4'), 'testsrc');
  await makeVideo(path.join(dir, 'cam5.mp4'), 'smptebars');
  await writeFile(path.join(dir, 'form.pdf'), '%PDF-1.4\n% scanned walk-in request form\n%%EOF\n');
  key = await loadSigningKey(path.join(dir, 'keys', 'evidence.pem'), { createIfMissing: true });
  otherKey = await loadSigningKey(path.join(dir, 'keys', 'someone-else.pem'), { createIfMissing: true });
  keyPemPath = path.join(dir, 'public.pem');
  await writeFile(keyPemPath, key.publicKeyPem);

  zips.otherKey = (await writePackage(otherKey, 'other-key.zip')).zipPath;
  pristine = await writePackage(key, 'pristine.zip');
  zips.pristine = pristine.zipPath;
  zips.tamperedByte = path.join(dir, 'tampered-byte.zip');
  await flipByte(zips.pristine, VIDEO_3, zips.tamperedByte);
  zips.editedManifest = await rezip('edited-manifest.zip', (entries) =>
    entries.map((entry) =>
      entry.name === 'manifest.json'
        ? { ...entry, data: Buffer.from(entry.data.toString('utf8').replace('77/2569', '78/2569')) }
        : entry,
    ),
  );
  zips.removedFile = await rezip('removed-file.zip', (entries) =>
    entries.filter((entry) => entry.name !== FORM),
  );
  zips.addedFile = await rezip('added-file.zip', (entries) => [
    ...entries,
    { name: 'video/camera-9-extra.mp4', data: Buffer.from('extra') },
  ]);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('package writer', () => {
  it('writes a zip whose reported hash, size and manifest match what is on disk', async () => {
    const bytes = await readFile(pristine.zipPath);
    expect(pristine.zipBytes).toBe(bytes.length);
    expect(pristine.zipSha256).toBe(sha256(bytes));
    expect((await readdir(dir)).filter((name) => name.endsWith('.partial'))).toEqual([]);

    const entries = await readEntries(pristine.zipPath);
    expect(entries.map((entry) => entry.name)).toEqual([
      VIDEO_3,
      VIDEO_5,
      FORM,
      'manifest.json',
      'manifest.sig',
      'public-key.pem',
      'letter.pdf',
      'VERIFY.txt',
    ]);
    // Videos are stored, not deflated.
    expect(entries.filter((entry) => entry.name.startsWith('video/')).map((entry) => entry.method)).toEqual([
      0, 0,
    ]);

    const manifestBytes = entries.find((entry) => entry.name === 'manifest.json')!.data;
    expect(sha256(manifestBytes)).toBe(pristine.manifestSha256);
    expect(manifestBytes.toString('utf8')).toBe(`${JSON.stringify(pristine.manifest, null, 2)}\n`);
    expect(letterCalls).toEqual([
      { manifestBytes: Buffer.from(manifestBytes), manifestSha256: pristine.manifestSha256 },
    ]);
    expect(pristine.manifest.signer).toEqual({ algorithm: 'Ed25519', publicKeyFingerprint: key.fingerprint });
    const video = await readFile(path.join(dir, 'cam3.mp4'));
    expect(pristine.manifest.files[0]).toEqual({
      path: VIDEO_3,
      bytes: video.length,
      sha256: sha256(video),
      role: 'master',
      mediaType: 'video/mp4',
      cameraId: 3,
    });

    const total = pristine.manifest.files.reduce((sum, file) => sum + file.bytes, 0);
    expect(progress.at(-1)).toEqual([total, total]);
    expect(entries.find((entry) => entry.name === 'VERIFY.txt')!.data.toString('utf8')).toContain(
      `--fingerprint ${key.fingerprint}`,
    );
  });
});

describe('verify CLI', () => {
  it('passes the pristine package against the key file, printing both languages, the signer and the manifest hash', async () => {
    const result = await cli(zips.pristine, '--key', keyPemPath);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('VERIFIED / ผ่าน');
    expect(result.stdout).toContain(key.fingerprint);
    expect(result.stdout).toContain(pristine.manifestSha256);
    expect(result.stdout).toContain('GET /api/evidence/public-key');
    expect(result.stdout).toContain('ลายมือชื่อดิจิทัล Ed25519 ของ manifest.json ถูกต้อง');
  });

  it('passes the pristine package against the fingerprint', async () => {
    const { code, report } = await cliJson(zips.pristine, '--fingerprint', key.fingerprint.toUpperCase());
    expect(code).toBe(0);
    expect(report.ok).toBe(true);
    expect(report.trusted).toBe('matched');
    expect(report.signerFingerprint).toBe(key.fingerprint);
    expect(report.manifestSha256).toBe(pristine.manifestSha256);
    expect(report.manifest?.reference).toBe('FR-2569-0007');
    expect(report.checks.filter((check) => check.code === 'file-ok').map((check) => check.path)).toEqual([
      VIDEO_3,
      VIDEO_5,
      FORM,
    ]);
  });

  it('names the video with a changed byte', async () => {
    const result = await cli(zips.tamperedByte, '--key', keyPemPath);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`[file-hash-mismatch] ${VIDEO_3} was changed`);
    expect(result.stdout).toContain('FAILED');
    const { report } = await cliJson(zips.tamperedByte, '--key', keyPemPath);
    expect(failuresOf(report)).toEqual([{ code: 'file-hash-mismatch', path: VIDEO_3 }]);
  });

  it('names the signature when the manifest was edited', async () => {
    const result = await cli(zips.editedManifest, '--fingerprint', key.fingerprint);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('[signature-invalid] The signature does not match manifest.json');
    const { report } = await cliJson(zips.editedManifest, '--fingerprint', key.fingerprint);
    expect(failuresOf(report)).toEqual([{ code: 'signature-invalid', path: null }]);
  });

  it('names a removed file and an added file', async () => {
    const removed = await cliJson(zips.removedFile, '--key', keyPemPath);
    expect(removed.code).toBe(1);
    expect(failuresOf(removed.report)).toEqual([{ code: 'file-missing', path: FORM }]);
    const added = await cliJson(zips.addedFile, '--key', keyPemPath);
    expect(added.code).toBe(1);
    expect(failuresOf(added.report)).toEqual([{ code: 'extra-entry', path: 'video/camera-9-extra.mp4' }]);
  });

  it('rejects a package signed by another key when given the real key or fingerprint', async () => {
    for (const trust of [
      ['--key', keyPemPath],
      ['--fingerprint', key.fingerprint],
    ]) {
      const { code, report } = await cliJson(zips.otherKey, ...trust);
      expect(code).toBe(1);
      expect(report.trusted).toBe('mismatch');
      expect(report.signerFingerprint).toBe(otherKey.fingerprint);
      expect(failuresOf(report)).toEqual([{ code: 'signer-not-trusted', path: null }]);
    }
    // Without a trusted key the package is internally consistent: only the fingerprint shown tells them apart.
    const untrusted = await cli(zips.otherKey);
    expect(untrusted.code).toBe(0);
    expect(untrusted.stdout).toContain(otherKey.fingerprint);
    expect(untrusted.stdout).toContain('not compared with a trusted key');
  });

  it('exits 2 on usage errors', async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli(zips.pristine, '--fingerprint', 'abc')).code).toBe(2);
    expect((await cli(zips.pristine, '--key', path.join(dir, 'missing.pem'))).code).toBe(2);
    expect((await cli(path.join(dir, 'missing.zip'))).code).toBe(2);
    const unknown = await cli(zips.pristine, '--frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown option --frobnicate');
  });

  it('fails a file that is not a zip', async () => {
    const notZip = path.join(dir, 'not-a-zip.zip');
    await writeFile(notZip, 'plain text');
    const { code, report } = await cliJson(notZip);
    expect(code).toBe(1);
    expect(failuresOf(report)).toEqual([{ code: 'package-unreadable', path: null }]);
  });
});

describe('browser adapters', () => {
  async function verifyInBrowserAdapters(zipPath: string, trust: TrustAnchor): Promise<VerifyReport> {
    const source = await openBlobZipSource(await openAsBlob(zipPath));
    try {
      return await verifyPackage(source, browserSignatureVerifier, trust);
    } finally {
      await source.close();
    }
  }

  it('give the same report as the CLI for every package', async () => {
    for (const [name, zipPath] of Object.entries(zips)) {
      const expected = (await cliJson(zipPath, '--key', keyPemPath)).report;
      const actual = await verifyInBrowserAdapters(zipPath, { publicKeyPem: key.publicKeyPem });
      expect({ name, report: actual }).toEqual({ name, report: expected });
      expect(actual.ok).toBe(name === 'pristine');
    }
  });
});
