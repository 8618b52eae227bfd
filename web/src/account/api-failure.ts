// Why a request failed, kept as a key or the server's bilingual reason so it follows a language switch.
import type { TFunction } from 'i18next';
import { ApiError, NetworkError } from '../api/api-error';
import type { TranslationKey } from '../i18n/en';
import type { Language } from '../i18n/i18n';

export type Failure = { key: TranslationKey; values?: Record<string, string | number> } | { api: ApiError };

export function failureOf(error: unknown, fallback: TranslationKey): Failure {
  if (error instanceof ApiError) return { api: error };
  if (error instanceof NetworkError) return { key: 'login.error.network' };
  return { key: fallback };
}

export function failureText(failure: Failure, t: TFunction, language: Language): string {
  return 'api' in failure ? failure.api.localizedMessage(language) : t(failure.key, failure.values ?? {});
}
