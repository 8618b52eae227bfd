// SignatureVerifier on node:crypto (Ed25519 via OpenSSL), for the CLI and the server.
import { createHash, createPublicKey, verify } from 'node:crypto';
import type { SignatureVerifier } from './verify-package';

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export const nodeSignatureVerifier: SignatureVerifier = {
  async fingerprint(spkiDer) {
    return sha256Hex(spkiDer);
  },
  async verify(publicKeyPem, message, signature) {
    const key = createPublicKey({ key: publicKeyPem, format: 'pem' });
    // Refuse any other key type rather than let OpenSSL pick another algorithm for it.
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, message, key, signature);
  },
  async sha256(bytes) {
    return sha256Hex(bytes);
  },
};
