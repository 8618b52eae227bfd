// What the package is checked against: a fingerprint the user pasted (from the hand-over letter), else the
// deployment's published key, else nothing (the report then names the signer, to be compared by hand).
import { normalizeFingerprint } from '@toc/verifier/pem';
import type { TrustAnchor } from '@toc/verifier/verify-package';
import type { EvidencePublicKey } from '@toc/server/schemas';

export type TrustChoice =
  | { kind: 'pasted'; fingerprint: string; anchor: TrustAnchor }
  | { kind: 'deployment'; fingerprint: string; anchor: TrustAnchor }
  | { kind: 'none'; fingerprint: null; anchor: TrustAnchor }
  /** Pasted text that is not a SHA-256 fingerprint: nothing is checked until it is. */
  | { kind: 'invalid' }
  /** The deployment's key is still loading. */
  | { kind: 'waiting' };

export type KeyLoad =
  { status: 'loading' } | { status: 'loaded'; key: EvidencePublicKey } | { status: 'failed' };

export function trustChoice(pasted: string, key: KeyLoad): TrustChoice {
  if (pasted.trim() !== '') {
    const fingerprint = normalizeFingerprint(pasted);
    return fingerprint === null
      ? { kind: 'invalid' }
      : { kind: 'pasted', fingerprint, anchor: { fingerprint } };
  }
  if (key.status === 'loading') return { kind: 'waiting' };
  if (key.status === 'failed') return { kind: 'none', fingerprint: null, anchor: {} };
  return {
    kind: 'deployment',
    fingerprint: key.key.fingerprint,
    // Both: the verifier checks that the published key and its fingerprint agree.
    anchor: { publicKeyPem: key.key.publicKeyPem, fingerprint: key.key.fingerprint },
  };
}

/** Names a usable choice, so the page can tell when the result shown was checked against another key. */
export const trustLabel = (choice: TrustChoice): string | null =>
  choice.kind === 'invalid' || choice.kind === 'waiting'
    ? null
    : `${choice.kind}:${choice.fingerprint ?? ''}`;
