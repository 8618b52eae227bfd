// The Node (yauzl) and browser (zip.js on a Blob) zip sources and signature verifiers agree byte for byte.
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawZip, type RawEntry } from '../test/raw-zip';
import { browserSignatureVerifier } from './browser-signature';
import { openBlobZipSource } from './browser-zip-source';
import { nodeSignatureVerifier } from './node-signature';
import { openNodeZipSource } from './node-zip-source';
import type { PackageSource } from './verify-package';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

// Several MB, so zip.js hands the entry over in many chunks and the hash must be incremental.
const VIDEO = randomBytes(3 * 1024 * 1024 + 17);
const TEXT = Buffer.from('ข้อความภาษาไทย and English\n'.repeat(500));
const ENTRIES: RawEntry[] = [
  { name: 'video/camera-3.mp4', data: VIDEO },
  { name: 'notes/deflated.txt', data: TEXT, deflate: true },
  { name: 'a.txt', data: Buffer.from('first') },
  { name: 'a.txt', data: Buffer.from('second') },
  { name: '../escape.txt', data: Buffer.from('x') },
  { name: '/etc/passwd', data: Buffer.from('x') },
  { name: 'dir\\name.txt', data: Buffer.from('x') },
  { name: 'วิดีโอ/กล้อง 5.mp4', data: Buffer.from('thai name') },
];
const ZIP = rawZip(ENTRIES);

let dir: string;
let zipPath: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'zip-sources-'));
  zipPath = path.join(dir, 'package.zip');
  await writeFile(zipPath, ZIP);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function describeSource(source: PackageSource) {
  return {
    names: source.names(),
    video: await source.sha256('video/camera-3.mp4'),
    deflated: await source.sha256('notes/deflated.txt'),
    text: await source.readText('notes/deflated.txt'),
    firstOfDuplicates: await source.readText('a.txt'),
    thai: await source.readText('วิดีโอ/กล้อง 5.mp4'),
  };
}

const EXPECTED = {
  names: ENTRIES.map((entry) => entry.name),
  video: { hex: sha256(VIDEO), bytes: VIDEO.length },
  deflated: { hex: sha256(TEXT), bytes: TEXT.length },
  text: TEXT.toString('utf8'),
  firstOfDuplicates: 'first',
  thai: 'thai name',
};

describe('zip sources', () => {
  it('the Node source lists names exactly as stored and streams hashes', async () => {
    const source = await openNodeZipSource(zipPath);
    try {
      expect(await describeSource(source)).toEqual(EXPECTED);
    } finally {
      source.close();
    }
  });

  it('the browser source reads a Blob identically, hashing a large entry chunk by chunk', async () => {
    const progress: number[] = [];
    const source = await openBlobZipSource(new Blob([ZIP]), {
      onProgress: (name, done, total) => {
        if (name === 'video/camera-3.mp4') progress.push(done);
        expect(total).toBe(name === 'video/camera-3.mp4' ? VIDEO.length : TEXT.length);
      },
    });
    try {
      expect(await describeSource(source)).toEqual(EXPECTED);
    } finally {
      await source.close();
    }
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toBe(VIDEO.length);
  });

  it('both refuse a file that is not a zip', async () => {
    const notZip = path.join(dir, 'not.zip');
    await writeFile(notZip, 'this is not a zip file');
    await expect(openNodeZipSource(notZip)).rejects.toThrow();
    await expect(openBlobZipSource(new Blob(['this is not a zip file']))).rejects.toThrow();
  });

  it('both refuse to buffer a missing entry', async () => {
    const source = await openBlobZipSource(new Blob([ZIP]));
    await expect(source.readBytes('nope')).rejects.toThrow(/No entry named nope/);
    const nodeSource = await openNodeZipSource(zipPath);
    await expect(nodeSource.sha256('nope')).rejects.toThrow(/No entry named nope/);
    nodeSource.close();
  });
});

describe('signature verifiers', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const der = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
  const otherPem = generateKeyPairSync('ed25519')
    .publicKey.export({ type: 'spki', format: 'pem' })
    .toString();
  const message = new TextEncoder().encode('{"format":"toc-evidence-package/1"}\n');
  const signature = new Uint8Array(sign(null, message, privateKey));

  for (const [label, verifier] of [
    ['node', nodeSignatureVerifier],
    ['browser', browserSignatureVerifier],
  ] as const) {
    it(`${label}: fingerprints and hashes like node:crypto`, async () => {
      expect(await verifier.fingerprint(der)).toBe(sha256(der));
      expect(await verifier.sha256(message)).toBe(sha256(message));
    });

    it(`${label}: accepts the signature and rejects any change`, async () => {
      expect(await verifier.verify(pem, message, signature)).toBe(true);
      const editedMessage = message.slice();
      editedMessage[3] = editedMessage[3]! ^ 1;
      expect(await verifier.verify(pem, editedMessage, signature)).toBe(false);
      const editedSignature = signature.slice();
      editedSignature[10] = editedSignature[10]! ^ 1;
      expect(await verifier.verify(pem, message, editedSignature)).toBe(false);
      expect(await verifier.verify(otherPem, message, signature)).toBe(false);
    });
  }
});
