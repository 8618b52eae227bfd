// React hook: one upload at a time, its state, and Cancel; the XHR is aborted if the page is left mid-upload.
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { CrashFileSource } from '@toc/server/schemas';
import { ApiError } from '../api/api-error';
import { uploadCrashFile, type RunningUpload } from './crash-imports.api';
import { idle, nextUploadState, type UploadFailure, type UploadState } from './upload-state';

function failureOf(error: unknown): UploadFailure {
  if (error instanceof ApiError) return { kind: 'refused', error };
  if (error instanceof DOMException && error.name === 'AbortError') return { kind: 'cancelled' };
  return { kind: 'network' };
}

export interface CrashUpload {
  state: UploadState;
  /** Resolves once the upload has ended: true with a report, false when refused, cut off or cancelled. */
  start: (file: File, source: CrashFileSource | null) => Promise<boolean>;
  cancel: () => void;
  reset: () => void;
}

export function useCrashUpload(): CrashUpload {
  const [state, dispatch] = useReducer(nextUploadState, idle);
  const running = useRef<RunningUpload | null>(null);

  useEffect(() => () => running.current?.abort(), []);

  const start = useCallback(async (file: File, source: CrashFileSource | null) => {
    if (running.current) return false;
    dispatch({ type: 'start', fileName: file.name, size: file.size });
    const upload = uploadCrashFile(file, source, {
      onProgress: (loaded, total) => dispatch({ type: 'progress', loaded, total }),
      onSent: () => dispatch({ type: 'sent' }),
    });
    running.current = upload;
    try {
      dispatch({ type: 'answered', report: await upload.result });
      return true;
    } catch (error) {
      dispatch({ type: 'failed', failure: failureOf(error) });
      return false;
    } finally {
      running.current = null;
    }
  }, []);

  const cancel = useCallback(() => running.current?.abort(), []);
  const reset = useCallback(() => dispatch({ type: 'reset' }), []);

  return { state, start, cancel, reset };
}
