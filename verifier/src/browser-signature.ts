// SignatureVerifier on @noble (pure JS), for the web app's verify page: no Node APIs, no WebCrypto Ed25519 needed.
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { ed25519KeyFromSpki, pemToDer } from './pem';
import type { SignatureVerifier } from './verify-package';

export const browserSignatureVerifier: SignatureVerifier = {
  async fingerprint(spkiDer) {
    return bytesToHex(sha256(spkiDer));
  },
  async verify(publicKeyPem, message, signature) {
    const publicKey = ed25519KeyFromSpki(pemToDer(publicKeyPem));
    if (publicKey === null) return false;
    // RFC 8032 rules (not the laxer ZIP-215 default), so the browser and OpenSSL agree on edge cases.
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  },
  async sha256(bytes) {
    return bytesToHex(sha256(bytes));
  },
};
