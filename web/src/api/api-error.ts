// Error thrown by the API client, carrying the server's reason in English and Thai.
import i18next from 'i18next';
import type { ErrorReply } from '@toc/server/schemas';
import type { Language } from '../i18n/i18n';
import { parseValidationReason, type ValidationReason } from './validation-reason';
import { validationText } from './validation-text';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageTh: string | null;

  constructor(status: number, reply: Partial<ErrorReply>) {
    super(reply.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = reply.error ?? 'Error';
    this.messageTh = reply.messageTh ?? null;
  }

  /**
   * A refusal by the request schema, read from the validator's English message (the server has no Thai words
   * for it); null for any other error.
   */
  get validation(): ValidationReason | null {
    return this.status === 400 ? parseValidationReason(this.message) : null;
  }

  /** The server's reason in the given language, falling back to English; a schema refusal in the web's own words. */
  localizedMessage(language: Language): string {
    const validation = this.validation;
    if (validation) return validationText(validation, i18next.getFixedT(language), language);
    return language === 'th' && this.messageTh ? this.messageTh : this.message;
  }
}

/** The request never got an HTTP answer (server down, network cut). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('Network request failed', { cause });
    this.name = 'NetworkError';
  }
}
