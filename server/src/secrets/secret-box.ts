// Seals small secrets (camera passwords) at rest with AES-256-GCM under a key from the configuration.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A 32-byte key given as base64 (or base64url), e.g. from `openssl rand -base64 32`. */
export function parseSecretKey(text: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new Error('CAMERA_SECRET_KEY must be 32 bytes in base64 (openssl rand -base64 32)');
  return key;
}

/**
 * version ‖ iv ‖ tag ‖ ciphertext. `purpose` is bound as associated data, so a sealed value moved to another
 * column or row kind fails to open instead of being read as something it is not.
 */
export function sealSecret(key: Buffer, plaintext: string, purpose: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(purpose, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

export class SecretOpenError extends Error {}

/**
 * The key that seals, and during a rotation the keys that sealed before it (CAMERA_SECRET_KEY_PREVIOUS): values under
 * an old key still open, and the server seals them again under the current one when it starts.
 */
export interface SecretKeyring {
  current: Buffer;
  previous: readonly Buffer[];
}

export function parseSecretKeyring(current: string, previous: readonly string[] = []): SecretKeyring {
  return { current: parseSecretKey(current), previous: previous.map(parseSecretKey) };
}

/** Opens with the current key, else with a previous one; `underCurrentKey` says which. */
export function openWithKeyring(
  keyring: SecretKeyring,
  sealed: Buffer,
  purpose: string,
): { plaintext: string; underCurrentKey: boolean } {
  for (const [index, key] of [keyring.current, ...keyring.previous].entries()) {
    try {
      return { plaintext: openSecret(key, sealed, purpose), underCurrentKey: index === 0 };
    } catch (error) {
      if (!(error instanceof SecretOpenError)) throw error;
    }
  }
  throw new SecretOpenError('sealed secret does not open with any configured key');
}

export function openSecret(key: Buffer, sealed: Buffer, purpose: string): string {
  if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) throw new SecretOpenError('not a sealed secret');
  const iv = sealed.subarray(1, 1 + IV_BYTES);
  const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(purpose, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    // Wrong key (CAMERA_SECRET_KEY changed) or tampered value: never fall back to anything.
    throw new SecretOpenError('sealed secret does not open with this key');
  }
}
