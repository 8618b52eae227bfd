// The deployment's public key that signs evidence packages (public: no account needed to check a package).
import type { EvidencePublicKey } from '@toc/server/schemas';
import { request } from '../api/http.client';

export const fetchEvidencePublicKey = (signal?: AbortSignal) =>
  request<EvidencePublicKey>('api/evidence/public-key', { signal }, true);
