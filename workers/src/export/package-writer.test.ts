// The package writer's refusals and clean-up: nothing half-written is ever left at or beside the output folder.
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { appendFileSync, closeSync, openSync, rmSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveStoredZip } from '@toc/server/lib/stored-zip';
import { PACKAGE_FORMAT } from '@toc/verifier/manifest';
import {
  serialiseManifest,
  writeEvidencePackage,
  type PackageContentFile,
  type PackageSigningKey,
  type UnsignedManifest,
  type WritePackageInput,
} from './package-writer';
import { verifyReadme } from './verify-readme';

function testKey(): PackageSigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: createHash('sha256')
      .update(publicKey.export({ type: 'spki', format: 'der' }))
      .digest('hex'),
  };
}

const KEY = testKey();

const MANIFEST: UnsignedManifest = {
  format: PACKAGE_FORMAT,
  packageId: 'pkg-writer-test',
  createdAt: '2026-12-05T10:30:00Z',
  software: { name: 'toc', version: '0.1.0', ffmpeg: 'none' },
  clockSource: 'test',
  request: {
    id: 1,
    reference: 'FR-2569-0001',
    caseNumber: '1/2569',
    station: 'สภ.ทดสอบ',
    kind: 'online',
    requester: { name: 'Requester' },
    approver: { name: 'Approver' },
    legalBasis: 'test',
    reason: 'test',
    place: { lon: 101, lat: 13.5, label: null },
    window: { from: '2026-12-04T12:00:00Z', to: '2026-12-04T12:10:00Z' },
    steps: [],
  },
  cameras: [],
};

let dir: string;
let outDir: string;
let files: PackageContentFile[];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'package-writer-'));
  outDir = path.join(dir, 'out', 'package');
  await writeFile(path.join(dir, 'form.pdf'), '%PDF-1.4 form');
  files = [
    {
      path: 'attachments/form.pdf',
      sourcePath: path.join(dir, 'form.pdf'),
      role: 'attachment',
      mediaType: 'application/pdf',
    },
  ];
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function input(overrides: Partial<WritePackageInput> = {}): WritePackageInput {
  return {
    outDir,
    files,
    manifest: MANIFEST,
    key: KEY,
    letter: async () => Buffer.from('%PDF-1.4 letter'),
    verifyText: verifyReadme({ fingerprint: KEY.fingerprint }),
    ...overrides,
  };
}

async function leftovers(): Promise<string[]> {
  return readdir(path.join(dir, 'out')).catch(() => []);
}

/** The package as one zip file, as a download serves it. */
async function savedZip(): Promise<string> {
  const zipPath = path.join(dir, 'package.zip');
  await saveStoredZip(outDir, zipPath);
  return zipPath;
}

describe('writeEvidencePackage', () => {
  it('writes a package and leaves only the finished folder', async () => {
    const written = await writeEvidencePackage(input());
    expect(written.dir).toBe(outDir);
    expect(written.manifest.files).toEqual([
      {
        path: 'attachments/form.pdf',
        bytes: 13,
        sha256: createHash('sha256').update('%PDF-1.4 form').digest('hex'),
        role: 'attachment',
        mediaType: 'application/pdf',
      },
    ]);
    expect(await leftovers()).toEqual(['package']);
  });

  it('stores every entry with the CRC-32 of its bytes (several read chunks: a running CRC)', async () => {
    const video = randomBytes(3 * 1024 * 1024 + 17);
    await writeFile(path.join(dir, 'clip.mp4'), video);
    files.push({
      path: 'video/clip.mp4',
      sourcePath: path.join(dir, 'clip.mp4'),
      role: 'master',
      mediaType: 'video/mp4',
    });
    await writeEvidencePackage(input());
    const zip = await yauzl.openPromise(await savedZip(), { lazyEntries: true, autoClose: false });
    const checked: string[] = [];
    try {
      for await (const entry of zip.eachEntry()) {
        const stream = await zip.openReadStreamPromise(entry);
        let crc = 0;
        for await (const chunk of stream) crc = crc32(chunk as Buffer, crc);
        expect(crc, entry.fileName).toBe(entry.crc32);
        checked.push(entry.fileName);
      }
    } finally {
      zip.close();
    }
    expect(checked).toContain('video/clip.mp4');
    expect(checked).toContain('attachments/form.pdf');
  });

  it('removes the partial package when the letter cannot be made', async () => {
    const letter = async () => {
      throw new Error('Chromium crashed');
    };
    await expect(writeEvidencePackage(input({ letter }))).rejects.toThrow('Chromium crashed');
    expect(await leftovers()).toEqual([]);
  });

  it('removes the partial package when a source file cannot be read', async () => {
    const second = path.join(dir, 'clip.mp4');
    await writeFile(second, 'video bytes');
    const both = [
      ...files,
      { path: 'video/clip.mp4', sourcePath: second, role: 'master' as const, mediaType: 'video/mp4' },
    ];
    // The second file vanishes after the size check, while the first one is being written (files open lazily).
    const onProgress = () => rmSync(second, { force: true });
    await expect(writeEvidencePackage(input({ files: both, onProgress }))).rejects.toThrow(/ENOENT/);
    expect(await leftovers()).toEqual([]);
  });

  it('fails, leaving nothing, when a file it was given grows while it is read', async () => {
    const clip = path.join(dir, 'clip.mp4');
    await writeFile(clip, randomBytes(3 * 1024 * 1024));
    // A writer that still has the file open (the file is moved into the package, and grows there).
    const writer = openSync(clip, 'a');
    const growing = [
      ...files,
      {
        path: 'video/clip.mp4',
        sourcePath: clip,
        owned: true,
        role: 'master' as const,
        mediaType: 'video/mp4',
      },
    ];
    let grown = false;
    const onProgress = (done: number) => {
      if (done < 1024 * 1024 || grown) return;
      grown = true;
      appendFileSync(writer, 'one more frame');
      closeSync(writer);
    };
    await expect(writeEvidencePackage(input({ files: growing, onProgress }))).rejects.toThrow(
      /video\/clip\.mp4 was 3145728 bytes when opened and 3145742 when read/,
    );
    expect(await leftovers()).toEqual([]);
  });

  it('lists each file with the size and SHA-256 of the bytes it stored', async () => {
    const clip = path.join(dir, 'clip.mp4');
    await writeFile(clip, randomBytes(2 * 1024 * 1024 + 5));
    const written = await writeEvidencePackage(
      input({
        files: [
          ...files,
          { path: 'video/clip.mp4', sourcePath: clip, role: 'master', mediaType: 'video/mp4' },
        ],
      }),
    );
    expect(written.manifest.files.map((f) => [f.path, f.bytes, f.sha256])).toEqual([
      ['attachments/form.pdf', 13, createHash('sha256').update('%PDF-1.4 form').digest('hex')],
      [
        'video/clip.mp4',
        2 * 1024 * 1024 + 5,
        createHash('sha256')
          .update(await readFile(clip))
          .digest('hex'),
      ],
    ]);
    const zip = await readFile(await savedZip());
    expect(written.zipBytes).toBe(zip.length);
    expect(written.zipSha256).toBe(createHash('sha256').update(zip).digest('hex'));
  });

  it('refuses a missing source before writing anything', async () => {
    const missing = [{ ...files[0]!, sourcePath: path.join(dir, 'nope.pdf') }];
    await expect(writeEvidencePackage(input({ files: missing }))).rejects.toThrow(/ENOENT/);
    expect(await leftovers()).toEqual([]);
  });

  it('refuses unsafe, duplicate and envelope entry names', async () => {
    for (const name of ['../x.pdf', 'a\\b.pdf', '/abs.pdf', 'manifest.json', 'video/']) {
      await expect(writeEvidencePackage(input({ files: [{ ...files[0]!, path: name }] }))).rejects.toThrow(
        /cannot be an entry name/,
      );
    }
    await expect(writeEvidencePackage(input({ files: [files[0]!, files[0]!] }))).rejects.toThrow(
      /listed twice/,
    );
  });

  it('refuses a key whose fingerprint or halves do not match', async () => {
    await expect(
      writeEvidencePackage(input({ key: { ...KEY, fingerprint: '0'.repeat(64) } })),
    ).rejects.toThrow(/fingerprint/);
    await expect(
      writeEvidencePackage(input({ key: { ...KEY, privateKey: testKey().privateKey } })),
    ).rejects.toThrow(/does not match/);
  });

  it('refuses a manifest the verifier would reject, and removes the partial package', async () => {
    const manifest = { ...MANIFEST, createdAt: '5 December 2026' };
    await expect(writeEvidencePackage(input({ manifest }))).rejects.toThrow(/would not verify: createdAt/);
    expect(await leftovers()).toEqual([]);
  });
});

describe('serialiseManifest', () => {
  it('is 2-space JSON with a final newline', () => {
    const bytes = serialiseManifest({
      ...MANIFEST,
      signer: { algorithm: 'Ed25519', publicKeyFingerprint: KEY.fingerprint },
      files: [],
    });
    expect(bytes.toString('utf8')).toMatch(/^\{\n {2}"format": "toc-evidence-package\/1",\n/);
    expect(bytes.toString('utf8').endsWith('}\n')).toBe(true);
  });
});
