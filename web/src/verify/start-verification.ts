// Starts the check of a package in a web worker (the page stays responsive while gigabytes are hashed); stopping
// ends the worker. Where no module worker can be made, the check runs on the page instead.
import { TrustInputError, type TrustAnchor } from '@toc/verifier/verify-package';
import type { HashProgress } from './hash-progress';
import { verifyPackageFile, type Verification } from './run-verification';
import type { CheckMessage, CheckRequest } from './worker-messages';

export interface RunningCheck {
  /** Rejects with an AbortError once stopped, a TrustInputError for an unusable trusted fingerprint or key. */
  result: Promise<Verification>;
  stop: () => void;
}

const stopped = () => new DOMException('The check was stopped', 'AbortError');

function onPage(file: File, trust: TrustAnchor, onProgress: (p: HashProgress) => void): RunningCheck {
  const abort = new AbortController();
  return { result: verifyPackageFile(file, trust, onProgress, abort.signal), stop: () => abort.abort() };
}

export function startVerification(
  file: File,
  trust: TrustAnchor,
  onProgress: (progress: HashProgress) => void,
): RunningCheck {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./verify.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return onPage(file, trust, onProgress);
  }
  let reject: (error: unknown) => void = () => undefined;
  const result = new Promise<Verification>((resolve, fail) => {
    reject = fail;
    worker.onmessage = (event: MessageEvent<CheckMessage>) => {
      const message = event.data;
      if (message.type === 'progress') return onProgress(message.progress);
      worker.terminate();
      if (message.type === 'done') resolve(message.result);
      else
        fail(
          message.trust
            ? new TrustInputError(message.trust.message, message.trust.messageTh)
            : new Error(message.message),
        );
    };
    worker.onerror = (event) => {
      worker.terminate();
      fail(new Error(event.message || 'The verification worker failed'));
    };
  });
  worker.postMessage({ file, trust } satisfies CheckRequest);
  return {
    result,
    stop: () => {
      worker.terminate();
      reject(stopped());
    },
  };
}
