// Runs one action on a request (review, decide, retry, close, attach the form): busy while it runs, the server's
// reason kept when it refuses, the updated request handed on when it succeeds.
import { useState } from 'react';
import type { FootageRequest } from '@toc/server/schemas';
import { failureOf, type Failure } from '../account/api-failure';

export function useRequestAction(
  onChanged: (request: FootageRequest) => void,
  failureFrom: (error: unknown) => Failure = (error) => failureOf(error, 'requests.offline'),
) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const run = async (action: () => Promise<FootageRequest>): Promise<boolean> => {
    setBusy(true);
    setFailure(null);
    try {
      onChanged(await action());
      return true;
    } catch (error) {
      setFailure(failureFrom(error));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, setFailure, run };
}
