// The verify page's check of one chosen file: one at a time (a new file or "Stop" ends the last), with its progress,
// and the result kept with what it was checked against.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { HashProgress } from './hash-progress';
import type { Verification } from './run-verification';
import { startVerification, type RunningCheck } from './start-verification';
import type { TrustChoice } from './trust-choice';

export type CheckState =
  | { phase: 'idle' }
  | { phase: 'checking'; file: File; progress: HashProgress | null }
  | { phase: 'done'; file: File; result: Verification; checkedWith: TrustChoice }
  | { phase: 'stopped'; file: File }
  | { phase: 'error'; file: File; error: unknown };

export function usePackageVerification() {
  const [state, setState] = useState<CheckState>({ phase: 'idle' });
  const running = useRef<RunningCheck | null>(null);
  // Each start is a new run; a run's late answer is dropped once another has started.
  const runs = useRef(0);

  const stop = useCallback(() => {
    running.current?.stop();
    running.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  const start = useCallback(
    (file: File, choice: TrustChoice) => {
      if (choice.kind === 'invalid' || choice.kind === 'waiting') return;
      stop();
      const run = ++runs.current;
      const current = () => runs.current === run;
      setState({ phase: 'checking', file, progress: null });
      const check = startVerification(file, choice.anchor, (progress) => {
        if (current()) setState({ phase: 'checking', file, progress });
      });
      running.current = check;
      check.result
        .then(
          (result) => {
            if (current()) setState({ phase: 'done', file, result, checkedWith: choice });
          },
          (error: unknown) => {
            if (!current()) return;
            const wasStopped = error instanceof DOMException && error.name === 'AbortError';
            setState(wasStopped ? { phase: 'stopped', file } : { phase: 'error', file, error });
          },
        )
        .finally(() => {
          if (running.current === check) running.current = null;
        });
    },
    [stop],
  );

  return { state, start, stop };
}
