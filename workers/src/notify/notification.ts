// What a notification channel receives and reports back: one bilingual message per event, one result per send.
export interface LocalizedText {
  en: string;
  th: string;
}

export interface Notification {
  /** The event told of; null for a notice that is not about an event (a footage request's step). */
  eventId: number | null;
  /** The footage request told of, for a request notice. */
  requestId?: number;
  /** Event type, e.g. 'elephant.warning'. */
  type: string;
  /** Event severity, e.g. 'critical'. */
  severity: string;
  title: LocalizedText;
  body: LocalizedText;
  location: { lon: number; lat: number } | null;
  /** Link to the event in the operations center UI. */
  url?: string;
  /** When the event happened (ISO 8601). */
  at: string;
}

export interface DeliveryResult {
  ok: boolean;
  /** HTTP status of the last attempt; null when no response arrived (network error, timeout, abort). */
  status: number | null;
  error: string | null;
  attempts: number;
}

export type ChannelKind = 'webhook' | 'line';

export interface NotificationChannel {
  readonly kind: ChannelKind;
  /** Never throws: failures are reported in the result so one bad channel cannot stop the others. */
  send(n: Notification, signal?: AbortSignal): Promise<DeliveryResult>;
}
