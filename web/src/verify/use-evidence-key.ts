// Loads the deployment's evidence signing key once for the verify page; a failure (no key configured, offline) is
// kept with its reason, and the page then checks against a pasted fingerprint or none.
import { useEffect, useState } from 'react';
import type { EvidencePublicKey } from '@toc/server/schemas';
import { fetchEvidencePublicKey } from './evidence-key.api';

export type KeyState =
  { status: 'loading' } | { status: 'loaded'; key: EvidencePublicKey } | { status: 'failed'; error: unknown };

export function useEvidenceKey(): KeyState {
  const [state, setState] = useState<KeyState>({ status: 'loading' });
  useEffect(() => {
    const abort = new AbortController();
    fetchEvidencePublicKey(abort.signal).then(
      (key) => setState({ status: 'loaded', key }),
      (error: unknown) => {
        if (!abort.signal.aborted) setState({ status: 'failed', error });
      },
    );
    return () => abort.abort();
  }, []);
  return state;
}
