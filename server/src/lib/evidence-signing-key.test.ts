// Loading and first-time creation of the evidence signing key: permissions, fingerprint, no clobbering, clear errors.
import { createHash, generateKeyPairSync, sign, verify } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EvidenceKeyError, loadSigningKey } from './evidence-signing-key';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'evidence-key-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadSigningKey', () => {
  it('creates a 0600 Ed25519 key once and loads the same key afterwards', async () => {
    const keyPath = path.join(dir, 'keys', 'evidence.pem');
    const created = await loadSigningKey(keyPath, { createIfMissing: true });
    expect((await stat(keyPath)).mode & 0o777).toBe(0o600);
    expect(created.privateKey.asymmetricKeyType).toBe('ed25519');
    expect(created.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);

    const spki = created.publicKey.export({ type: 'spki', format: 'der' });
    expect(created.fingerprint).toBe(createHash('sha256').update(spki).digest('hex'));
    expect(created.fingerprint).toMatch(/^[0-9a-f]{64}$/);

    const loaded = await loadSigningKey(keyPath);
    expect(loaded.fingerprint).toBe(created.fingerprint);
    const message = Buffer.from('manifest bytes');
    expect(verify(null, message, created.publicKeyPem, sign(null, message, loaded.privateKey))).toBe(true);
    expect(await readdir(path.dirname(keyPath))).toEqual(['evidence.pem']);
  });

  it('gives every concurrent first start the same key (no process replaces another one’s file)', async () => {
    const keyPath = path.join(dir, 'evidence.pem');
    const keys = await Promise.all(
      Array.from({ length: 8 }, () => loadSigningKey(keyPath, { createIfMissing: true })),
    );
    expect(new Set(keys.map((key) => key.fingerprint)).size).toBe(1);
    expect(await readdir(dir)).toEqual(['evidence.pem']);
  });

  it('refuses a missing file unless asked to create it', async () => {
    const keyPath = path.join(dir, 'absent.pem');
    await expect(loadSigningKey(keyPath)).rejects.toThrow(EvidenceKeyError);
    await expect(loadSigningKey(keyPath)).rejects.toThrow(/absent\.pem does not exist/);
  });

  it('explains a file that cannot be read', async () => {
    const keyPath = path.join(dir, 'is-a-directory.pem');
    await mkdir(keyPath);
    await expect(loadSigningKey(keyPath, { createIfMissing: true })).rejects.toThrow(
      /cannot be read: it is a directory/,
    );
  });

  it('refuses a file that is not a PEM private key', async () => {
    const keyPath = path.join(dir, 'garbage.pem');
    await writeFile(keyPath, 'not a key\n');
    await expect(loadSigningKey(keyPath)).rejects.toThrow(/not an unencrypted PKCS#8 PEM private key/);
  });

  it('refuses a private key of another type', async () => {
    const keyPath = path.join(dir, 'ec.pem');
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    await writeFile(keyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    await expect(loadSigningKey(keyPath)).rejects.toThrow(
      /holds a key of type ec; an Ed25519 key is required/,
    );
  });
});
