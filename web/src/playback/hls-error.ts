// An hls.js failure as the app's errors: the API's refusal with its Thai and English reason, or a network failure.
import type { ErrorData } from 'hls.js';
import type { ErrorReply } from '@toc/server/schemas';
import { ApiError, NetworkError } from '../api/api-error';

/** The JSON body of a refused request, read from the XHR hls.js made (a playlist is fetched as text). */
function replyOf(details: unknown): Partial<ErrorReply> {
  if (!(details instanceof XMLHttpRequest)) return {};
  try {
    return JSON.parse(details.responseText) as Partial<ErrorReply>;
  } catch {
    return {};
  }
}

export function hlsError(data: ErrorData): Error {
  const status = data.response?.code ?? 0;
  if (status >= 400) return new ApiError(status, replyOf(data.networkDetails));
  if (data.type === 'networkError') return new NetworkError(data.error);
  return data.error;
}
