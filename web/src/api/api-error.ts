// Error thrown by the API client, carrying the server's reason in English and Thai.
import type { ErrorReply } from '@toc/server/schemas';
import type { Language } from '../i18n/i18n';

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

  /** The server's reason in the given language, falling back to English. */
  localizedMessage(language: Language): string {
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
