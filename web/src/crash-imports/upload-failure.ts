// The words for a failed upload: the server's reason in the reader's language, or the page's own for what has none.
import type { TranslationKey } from '../i18n/en';
import type { Language } from '../i18n/i18n';
import type { UploadFailure } from './upload-state';

export type FailureText = { key: TranslationKey; status?: number } | { reason: string };

/**
 * 413 and 415 may come from a proxy in front of the server, without its bilingual reply: the page says them itself.
 * Any other refusal carries the server's reason (an unmappable header, a bad name, not an admin).
 */
export function failureText(failure: UploadFailure, language: Language): FailureText {
  if (failure.kind === 'network') return { key: 'crashImports.error.network' };
  if (failure.kind === 'cancelled') return { key: 'crashImports.error.cancelled' };
  const { status } = failure.error;
  if (status === 413) return { key: 'crashImports.error.tooLarge' };
  if (status === 415) return { key: 'crashImports.error.wrongType' };
  if (status === 401) return { key: 'crashImports.error.signedOut' };
  // A reply that was not the server's JSON (a proxy's page) has only "HTTP 502" to say.
  if (failure.error.message === `HTTP ${status}`) return { key: 'crashImports.error.unknown', status };
  return { reason: failure.error.localizedMessage(language) };
}
