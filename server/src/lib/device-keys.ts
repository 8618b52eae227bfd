// GPS device keys: random, shown once, stored only as a SHA-256 hash and compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const newDeviceKey = (): string => randomBytes(24).toString('base64url');

export const hashDeviceKey = (key: string): Buffer => createHash('sha256').update(key).digest();

export function deviceKeyMatches(key: string, keyHash: Buffer): boolean {
  const given = hashDeviceKey(key);
  return given.length === keyHash.length && timingSafeEqual(given, keyHash);
}
