// Web worker that checks a package: hashing gigabytes on the page's thread would freeze the page and its progress bar.
import { TrustInputError } from '@toc/verifier/verify-package';
import type { HashProgress } from './hash-progress';
import { verifyPackageFile } from './run-verification';
import type { CheckMessage, CheckRequest } from './worker-messages';

/** The worker's global, typed here because the web build compiles against the page's DOM library. */
const scope = self as unknown as {
  postMessage: (message: CheckMessage) => void;
  onmessage: ((event: MessageEvent<CheckRequest>) => void) | null;
};

const PROGRESS_EVERY_MS = 100;

scope.onmessage = (event) => {
  const { file, trust } = event.data;
  let toldAt = 0;
  const onProgress = (progress: HashProgress) => {
    const now = performance.now();
    // Every chunk would flood the page; the last one is always told.
    if (now - toldAt < PROGRESS_EVERY_MS && progress.fraction < 1) return;
    toldAt = now;
    scope.postMessage({ type: 'progress', progress });
  };
  // Stopping terminates the worker, so this run's signal is never aborted.
  verifyPackageFile(file, trust, onProgress, new AbortController().signal).then(
    (result) => scope.postMessage({ type: 'done', result }),
    (error: unknown) =>
      scope.postMessage({
        type: 'failed',
        message: error instanceof Error ? error.message : String(error),
        trust:
          error instanceof TrustInputError ? { message: error.message, messageTh: error.messageTh } : null,
      }),
  );
};
