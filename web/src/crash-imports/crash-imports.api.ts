// Client of the crash imports: the upload by XMLHttpRequest (fetch cannot report upload progress) and the list.
import {
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  type CrashFileSource,
  type CrashImport,
  type CrashImportReport,
  type ErrorReply,
} from '@toc/server/schemas';
import { ApiError, NetworkError } from '../api/api-error';
import { request } from '../api/http.client';
import { uploadContentType, uploadName } from './upload-file';

const PATH = 'api/crash-imports';

export function fetchCrashImports(signal?: AbortSignal): Promise<CrashImport[]> {
  return request<CrashImport[]>(PATH, { signal });
}

export interface UploadCallbacks {
  /** Bytes of the body sent so far; `total` falls back to the file's size. */
  onProgress: (loaded: number, total: number) => void;
  /** The last byte has left: the server is importing now, and answers when done. */
  onSent: () => void;
}

export interface RunningUpload {
  /** The report, or an ApiError (refused), NetworkError, or an AbortError DOMException (cancelled). */
  result: Promise<CrashImportReport>;
  abort: () => void;
}

function readError(xhr: XMLHttpRequest): ApiError {
  let reply: Partial<ErrorReply> = {};
  try {
    reply = JSON.parse(xhr.responseText) as Partial<ErrorReply>;
  } catch {
    // Not JSON (a proxy's error page): the status alone.
  }
  return new ApiError(xhr.status, reply);
}

export function uploadCrashFile(
  file: File,
  source: CrashFileSource | null,
  callbacks: UploadCallbacks,
): RunningUpload {
  const xhr = new XMLHttpRequest();
  const query = new URLSearchParams({ name: uploadName(file.name) });
  if (source) query.set('source', source);

  const result = new Promise<CrashImportReport>((resolve, reject) => {
    // Relative like every API call, so the app works behind a path prefix; same origin, so the cookie goes along.
    xhr.open('POST', `${PATH}?${query.toString()}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader(CSRF_HEADER, CSRF_HEADER_VALUE);
    xhr.setRequestHeader('Content-Type', uploadContentType(file.name));
    // Upload listeners must be in place before send(), or the browser does not report progress.
    xhr.upload.onprogress = (e) => callbacks.onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.upload.onload = () => callbacks.onSent();
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) return reject(readError(xhr));
      try {
        resolve(JSON.parse(xhr.responseText) as CrashImportReport);
      } catch (error) {
        reject(new NetworkError(error));
      }
    };
    xhr.onerror = () => reject(new NetworkError(new Error('XMLHttpRequest failed')));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    xhr.send(file);
  });
  return { result, abort: () => xhr.abort() };
}
