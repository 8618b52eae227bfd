// The upload's states and their transitions: sending with progress, importing on the server, then a report or a failure.
import type { CrashImportReport } from '@toc/server/schemas';
import type { ApiError } from '../api/api-error';
import { uploadProgress, type UploadProgress } from './upload-progress';

/** Why an upload failed: the server's refusal (with its status and reasons), the network, or the admin's Cancel. */
export type UploadFailure =
  { kind: 'refused'; error: ApiError } | { kind: 'network' } | { kind: 'cancelled' };

export type UploadState =
  | { kind: 'idle' }
  | { kind: 'sending'; fileName: string; progress: UploadProgress }
  | { kind: 'importing'; fileName: string }
  | { kind: 'done'; fileName: string; report: CrashImportReport }
  | { kind: 'failed'; fileName: string; failure: UploadFailure };

export type UploadEvent =
  | { type: 'start'; fileName: string; size: number }
  | { type: 'progress'; loaded: number; total: number }
  | { type: 'sent' }
  | { type: 'answered'; report: CrashImportReport }
  | { type: 'failed'; failure: UploadFailure }
  | { type: 'reset' };

export const idle: UploadState = { kind: 'idle' };

export function isBusy(state: UploadState): boolean {
  return state.kind === 'sending' || state.kind === 'importing';
}

export function nextUploadState(state: UploadState, event: UploadEvent): UploadState {
  switch (event.type) {
    case 'start':
      return { kind: 'sending', fileName: event.fileName, progress: uploadProgress(0, event.size) };
    case 'progress':
      // A late progress event after the last byte must not take "importing" back to "sending".
      return state.kind === 'sending'
        ? { ...state, progress: uploadProgress(event.loaded, event.total) }
        : state;
    case 'sent':
      return state.kind === 'sending' ? { kind: 'importing', fileName: state.fileName } : state;
    case 'answered':
      return isBusy(state) ? { kind: 'done', fileName: fileNameOf(state), report: event.report } : state;
    case 'failed':
      return isBusy(state) ? { kind: 'failed', fileName: fileNameOf(state), failure: event.failure } : state;
    case 'reset':
      return isBusy(state) ? state : idle;
  }
}

function fileNameOf(state: UploadState): string {
  return state.kind === 'idle' ? '' : state.fileName;
}
