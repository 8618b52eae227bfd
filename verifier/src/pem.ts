// PEM ↔ DER, strict base64 and the Ed25519 SPKI layout, without Node APIs so the browser verifier can use them.

/** A PEM or base64 text that cannot be decoded. */
export class PemError extends Error {
  override readonly name = 'PemError';
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Decodes canonical base64 (whitespace ignored); throws PemError on any other character or a bad length. */
export function base64ToBytes(text: string): Uint8Array {
  const compact = text.replace(/\s+/g, '');
  if (!BASE64.test(compact)) throw new PemError('Not valid base64');
  const binary = atob(compact);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function bytesToBase64(bytes: Uint8Array): string {
  // Chunked so a large input does not overflow the argument list of String.fromCharCode.
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** DER bytes of the first `label` block (e.g. `PUBLIC KEY`) in a PEM text. */
export function pemToDer(pem: string, label = 'PUBLIC KEY'): Uint8Array {
  const begin = `-----BEGIN ${label}-----`;
  const end = `-----END ${label}-----`;
  const start = pem.indexOf(begin);
  if (start < 0) throw new PemError(`No "${begin}" line`);
  const stop = pem.indexOf(end, start + begin.length);
  if (stop < 0) throw new PemError(`No "${end}" line`);
  const der = base64ToBytes(pem.slice(start + begin.length, stop));
  if (der.length === 0) throw new PemError('Empty PEM block');
  return der;
}

export function derToPem(der: Uint8Array, label = 'PUBLIC KEY'): string {
  const lines = bytesToBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** SubjectPublicKeyInfo prefix of every Ed25519 key (RFC 8410): SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING }. */
const ED25519_SPKI_PREFIX = Uint8Array.of(
  0x30,
  0x2a,
  0x30,
  0x05,
  0x06,
  0x03,
  0x2b,
  0x65,
  0x70,
  0x03,
  0x21,
  0x00,
);

/** The 32-byte raw public key inside an Ed25519 SPKI DER, or null when the DER is not exactly that. */
export function ed25519KeyFromSpki(der: Uint8Array): Uint8Array | null {
  if (der.length !== ED25519_SPKI_PREFIX.length + 32) return null;
  for (let i = 0; i < ED25519_SPKI_PREFIX.length; i += 1) if (der[i] !== ED25519_SPKI_PREFIX[i]) return null;
  return der.slice(ED25519_SPKI_PREFIX.length);
}

/** Lowercase 64-hex SHA-256 fingerprint from user input (any case, `:` or spaces allowed), or null if it is not one. */
export function normalizeFingerprint(input: string): string | null {
  const hex = input.replace(/[\s:]/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}
