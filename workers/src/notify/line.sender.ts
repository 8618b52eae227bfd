// LINE Messaging API push channel: one bilingual text message (plus a map pin when the location is known) per target.
import { randomUUID } from 'node:crypto';
import { assertOutboundUrl, DEFAULT_GUARD, type OutboundGuard } from './guarded-post';
import { postWithRetry, retryPolicy, type RetryPolicy } from './http-post';
import type { DeliveryResult, Notification, NotificationChannel } from './notification';
import { formatCoordinates, formatNotificationText, LINE_TEXT_MAX, truncateText } from './text';

export const LINE_DEFAULT_BASE_URL = 'https://api.line.me';
export const LINE_PUSH_PATH = '/v2/bot/message/push';
/** LINE's limit for a location message's title and address. */
const LOCATION_FIELD_MAX = 100;

export interface LineTextMessage {
  type: 'text';
  text: string;
}

export interface LineLocationMessage {
  type: 'location';
  title: string;
  address: string;
  latitude: number;
  longitude: number;
}

export type LineMessage = LineTextMessage | LineLocationMessage;

export interface LinePushBody {
  to: string;
  messages: LineMessage[];
}

export interface LineSenderOptions extends Partial<RetryPolicy> {
  channelAccessToken: string;
  /** User, group or room id. */
  to: string;
  /** Override for tests or a relay; defaults to the public API. */
  baseUrl?: string;
  /** What the base URL may reach: configuration is trusted, yet it goes through the same checks (NOTIFY_ALLOWED_HOSTS). */
  guard?: OutboundGuard;
}

export function lineMessages(n: Notification): LineMessage[] {
  const messages: LineMessage[] = [{ type: 'text', text: formatNotificationText(n, LINE_TEXT_MAX) }];
  const { location } = n;
  if (location && Number.isFinite(location.lat) && Number.isFinite(location.lon)) {
    const coordinates = formatCoordinates(location);
    messages.push({
      type: 'location',
      title: truncateText(n.title.th.trim() || n.title.en.trim() || coordinates, LOCATION_FIELD_MAX),
      // We have no street address; LINE requires one, and coordinates are what operators can act on.
      address: truncateText(coordinates, LOCATION_FIELD_MAX),
      latitude: location.lat,
      longitude: location.lon,
    });
  }
  return messages;
}

export class LineSender implements NotificationChannel {
  readonly kind = 'line' as const;
  /** For logs: the recipient id (not secret, unlike the token). */
  readonly target: string;
  private readonly url: URL;
  private readonly token: string;
  private readonly policy: RetryPolicy;
  private readonly guard: OutboundGuard;

  constructor(options: LineSenderOptions) {
    if (!options.channelAccessToken.trim()) throw new Error('LINE channel access token is empty');
    if (!options.to.trim()) throw new Error('LINE target id is empty');
    this.guard = options.guard ?? DEFAULT_GUARD;
    const base = assertOutboundUrl(options.baseUrl ?? LINE_DEFAULT_BASE_URL, 'LINE base URL', this.guard);
    this.url = new URL(`${base.origin}${base.pathname.replace(/\/+$/, '')}${LINE_PUSH_PATH}`);
    this.token = options.channelAccessToken.trim();
    this.target = options.to.trim();
    this.policy = retryPolicy(options);
  }

  send(n: Notification, signal?: AbortSignal): Promise<DeliveryResult> {
    const body: LinePushBody = { to: this.target, messages: lineMessages(n) };
    return postWithRetry(
      {
        url: this.url,
        headers: {
          Authorization: `Bearer ${this.token}`,
          'Content-Type': 'application/json',
          // One key per notification, reused by every retry: LINE then delivers it at most once.
          'X-Line-Retry-Key': randomUUID(),
        },
        body: JSON.stringify(body),
        // 409 answers a retry whose earlier attempt LINE had already accepted (e.g. after our timeout).
        alsoDelivered: (status) => status === 409,
        guard: this.guard,
      },
      this.policy,
      signal,
    );
  }
}
