// React hook: the past imports, loaded on opening and again on request (after each upload).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CrashImport } from '@toc/server/schemas';
import { ApiError } from '../api/api-error';
import { fetchCrashImports } from './crash-imports.api';

export type ImportList =
  | { kind: 'loading'; imports: CrashImport[] | null }
  | { kind: 'loaded'; imports: CrashImport[] }
  | { kind: 'failed'; imports: CrashImport[] | null; error: ApiError | null };

export function useCrashImports(): { list: ImportList; reload: () => void } {
  const [list, setList] = useState<ImportList>({ kind: 'loading', imports: null });
  const current = useRef<AbortController | null>(null);

  const reload = useCallback(() => {
    // Only the latest answer counts: an older, slower one must not replace it.
    current.current?.abort();
    const abort = new AbortController();
    current.current = abort;
    // The rows already shown stay while the new ones load.
    setList((before) => ({ kind: 'loading', imports: before.imports }));
    fetchCrashImports(abort.signal).then(
      (imports) => {
        if (!abort.signal.aborted) setList({ kind: 'loaded', imports });
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        setList((before) => ({
          kind: 'failed',
          imports: before.imports,
          error: error instanceof ApiError ? error : null,
        }));
      },
    );
  }, []);

  useEffect(() => {
    reload();
    return () => current.current?.abort();
  }, [reload]);

  return { list, reload };
}
