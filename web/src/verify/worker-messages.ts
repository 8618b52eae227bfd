// Messages between the verify page and the worker that checks a package off the page's thread.
import type { TrustAnchor } from '@toc/verifier/verify-package';
import type { HashProgress } from './hash-progress';
import type { Verification } from './run-verification';

export interface CheckRequest {
  file: File;
  trust: TrustAnchor;
}

export type CheckMessage =
  | { type: 'progress'; progress: HashProgress }
  | { type: 'done'; result: Verification }
  /** `trust` when the trusted fingerprint or key was unusable (the verifier's TrustInputError), in both languages. */
  | { type: 'failed'; message: string; trust: { message: string; messageTh: string } | null };
