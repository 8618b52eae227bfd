// Small tests for choosing what a package is checked against: pasted fingerprint first, then the published key.
import { describe, expect, it } from 'vitest';
import { trustChoice, trustLabel } from './trust-choice';

const published = {
  status: 'loaded' as const,
  key: {
    algorithm: 'Ed25519' as const,
    publicKeyPem: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n',
    fingerprint: 'ab'.repeat(32),
  },
};

describe('trustChoice', () => {
  it('uses the published key and its fingerprint when nothing is pasted', () => {
    const choice = trustChoice('  ', published);
    expect(choice).toEqual({
      kind: 'deployment',
      fingerprint: 'ab'.repeat(32),
      anchor: { publicKeyPem: published.key.publicKeyPem, fingerprint: 'ab'.repeat(32) },
    });
  });

  it('prefers a pasted fingerprint, read in any case with colons or spaces', () => {
    const pasted = 'CD:'.repeat(31) + 'CD';
    expect(trustChoice(pasted, published)).toEqual({
      kind: 'pasted',
      fingerprint: 'cd'.repeat(32),
      anchor: { fingerprint: 'cd'.repeat(32) },
    });
    expect(trustChoice('cdcd cdcd '.repeat(8), { status: 'failed' }).kind).toBe('pasted');
  });

  it('refuses pasted text that is not a SHA-256, waits for the key, and checks against nothing without one', () => {
    expect(trustChoice('1234', published)).toEqual({ kind: 'invalid' });
    expect(trustChoice('', { status: 'loading' })).toEqual({ kind: 'waiting' });
    expect(trustChoice('', { status: 'failed' })).toEqual({ kind: 'none', fingerprint: null, anchor: {} });
  });
});

describe('trustLabel', () => {
  it('tells choices apart and has none for an unusable one', () => {
    expect(trustLabel(trustChoice('', published))).toBe(`deployment:${'ab'.repeat(32)}`);
    expect(trustLabel(trustChoice('', { status: 'failed' }))).toBe('none:');
    expect(trustLabel({ kind: 'invalid' })).toBeNull();
  });
});
