// Camera passwords at rest: sealed values open only with their key and purpose, and never contain the plaintext.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSecret, parseSecretKey, sealSecret, SecretOpenError } from './secret-box';

const key = randomBytes(32);

describe('secret box', () => {
  it('round-trips a secret without storing it in clear, with a fresh IV each time', () => {
    const a = sealSecret(key, 'admin:ไม่บอก', 'camera-credentials');
    const b = sealSecret(key, 'admin:ไม่บอก', 'camera-credentials');
    expect(a.equals(b)).toBe(false);
    expect(a.includes(Buffer.from('admin'))).toBe(false);
    expect(openSecret(key, a, 'camera-credentials')).toBe('admin:ไม่บอก');
  });

  it('refuses another key, another purpose and a flipped bit', () => {
    const sealed = sealSecret(key, 'p', 'camera-credentials');
    expect(() => openSecret(randomBytes(32), sealed, 'camera-credentials')).toThrow(SecretOpenError);
    expect(() => openSecret(key, sealed, 'webhook-secret')).toThrow(SecretOpenError);
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => openSecret(key, tampered, 'camera-credentials')).toThrow(SecretOpenError);
    expect(() => openSecret(key, Buffer.from('rtsp://x'), 'camera-credentials')).toThrow(SecretOpenError);
  });

  it('takes a 32-byte base64 key and says what is wrong with any other', () => {
    expect(parseSecretKey(key.toString('base64')).equals(key)).toBe(true);
    expect(() => parseSecretKey('short')).toThrow(/32 bytes/);
  });
});
