// Generic webhook channel: POSTs the notification as JSON, optionally signed with HMAC-SHA256 of the raw body.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { assertOutboundUrl, DEFAULT_GUARD, type OutboundGuard } from './guarded-post';
import { postWithRetry, retryPolicy, type RetryPolicy } from './http-post';
import type { DeliveryResult, Notification, NotificationChannel } from './notification';

export const SIGNATURE_HEADER = 'X-TOC-Signature';
/** Same value on every retry of one send, so receivers can drop duplicates. */
export const DELIVERY_HEADER = 'X-TOC-Delivery';
export const EVENT_ID_HEADER = 'X-TOC-Event-Id';
/** On a footage request's notice instead of the event id. */
export const REQUEST_ID_HEADER = 'X-TOC-Request-Id';

export interface WebhookSenderOptions extends Partial<RetryPolicy> {
  url: string;
  /** Shared secret for the signature header; no header without it. */
  secret?: string;
  /** What the URL may reach (NOTIFY_ALLOWED_HOSTS); public https only by default. */
  guard?: OutboundGuard;
}

/** `sha256=<hex>` over the exact bytes sent. */
export function signWebhookBody(body: string | Uint8Array, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** For receivers (and tests): constant-time check of a signature header against the raw body. */
export function verifyWebhookSignature(
  body: string | Uint8Array,
  header: string | null | undefined,
  secret: string,
): boolean {
  if (!header) return false;
  const expected = Buffer.from(signWebhookBody(body, secret));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export class WebhookSender implements NotificationChannel {
  readonly kind = 'webhook' as const;
  /** For logs: the host only, since webhook URLs often carry a token in the path. */
  readonly target: string;
  private readonly url: URL;
  private readonly secret: string | undefined;
  private readonly policy: RetryPolicy;
  private readonly guard: OutboundGuard;

  constructor(options: WebhookSenderOptions) {
    this.guard = options.guard ?? DEFAULT_GUARD;
    this.url = assertOutboundUrl(options.url, 'Webhook URL', this.guard);
    this.target = this.url.host;
    if (options.secret !== undefined && options.secret.length === 0)
      throw new Error('Webhook secret is empty');
    this.secret = options.secret;
    this.policy = retryPolicy(options);
  }

  send(n: Notification, signal?: AbortSignal): Promise<DeliveryResult> {
    const body = JSON.stringify(n);
    const headers: Record<string, string> = {
      'Content-Type': 'application/json; charset=utf-8',
      'User-Agent': 'toc-workers-notify/1',
      [DELIVERY_HEADER]: randomUUID(),
    };
    if (n.eventId !== null) headers[EVENT_ID_HEADER] = String(n.eventId);
    if (n.requestId !== undefined) headers[REQUEST_ID_HEADER] = String(n.requestId);
    if (this.secret) headers[SIGNATURE_HEADER] = signWebhookBody(body, this.secret);
    return postWithRetry({ url: this.url, headers, body, guard: this.guard }, this.policy, signal);
  }
}
