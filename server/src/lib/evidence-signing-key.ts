// The deployment's Ed25519 key that signs evidence packages: loaded from a PKCS#8 PEM file, or created once.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomUUID,
  type KeyObject,
} from 'node:crypto';
import { link, mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

export interface EvidenceSigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** SPKI PEM, as shipped in every package (`public-key.pem`) and served by GET /api/evidence/public-key. */
  publicKeyPem: string;
  /** Lowercase hex SHA-256 of the public key's SPKI DER (printed in the hand-over letter). */
  fingerprint: string;
}

/** The key file is missing, unreadable or not an Ed25519 private key. */
export class EvidenceKeyError extends Error {
  override readonly name = 'EvidenceKeyError';
}

export interface LoadEvidenceKeyOptions {
  /** Generate and store a new key when the file does not exist (first start of a deployment). */
  createIfMissing?: boolean;
}

/** Lowercase hex SHA-256 of the SPKI DER encoding of `publicKey`. */
export function evidenceKeyFingerprint(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

function fromPrivatePem(keyPath: string, pem: string): EvidenceSigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: pem, format: 'pem' });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new EvidenceKeyError(
      `Evidence signing key ${keyPath} is not an unencrypted PKCS#8 PEM private key (${detail})`,
    );
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new EvidenceKeyError(
      `Evidence signing key ${keyPath} holds a key of type ${privateKey.asymmetricKeyType ?? 'unknown'}; an Ed25519 key is required`,
    );
  }
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: evidenceKeyFingerprint(publicKey),
  };
}

/**
 * Writes a new key to `keyPath` (mode 0600) without ever replacing an existing file: the key is written and
 * flushed under a temporary name, then hard-linked into place, which fails if another process got there first.
 * Returns false in that case, so the caller loads the winner's key.
 */
async function createKeyFile(keyPath: string): Promise<boolean> {
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const dir = path.dirname(keyPath);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = path.join(dir, `.${path.basename(keyPath)}.${randomUUID()}.tmp`);
  try {
    const file = await open(temp, 'wx', 0o600);
    try {
      await file.writeFile(pem);
      await file.sync();
    } finally {
      await file.close();
    }
    try {
      await link(temp, keyPath);
    } catch (error) {
      if (errorCode(error) === 'EEXIST') return false;
      throw error;
    }
  } finally {
    await rm(temp, { force: true });
  }
  return true;
}

async function readKeyFile(keyPath: string): Promise<string | null> {
  try {
    return await readFile(keyPath, 'utf8');
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') return null;
    const reason =
      code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'it is a directory'
          : String(error);
    throw new EvidenceKeyError(`Evidence signing key ${keyPath} cannot be read: ${reason}`);
  }
}

/**
 * Loads the evidence signing key from `keyPath` (PKCS#8 PEM, Ed25519). With `createIfMissing`, a missing file is
 * created with a new key (mode 0600, atomically). Throws EvidenceKeyError with an explanation otherwise.
 */
export async function loadSigningKey(
  keyPath: string,
  options: LoadEvidenceKeyOptions = {},
): Promise<EvidenceSigningKey> {
  let pem = await readKeyFile(keyPath);
  if (pem === null) {
    if (!options.createIfMissing) {
      throw new EvidenceKeyError(
        `Evidence signing key ${keyPath} does not exist (start with key creation enabled, or restore the deployment's key file)`,
      );
    }
    try {
      await createKeyFile(keyPath);
    } catch (error) {
      throw new EvidenceKeyError(
        `Evidence signing key ${keyPath} cannot be created: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    pem = await readKeyFile(keyPath);
    if (pem === null)
      throw new EvidenceKeyError(`Evidence signing key ${keyPath} disappeared right after it was created`);
  }
  return fromPrivatePem(keyPath, pem);
}
