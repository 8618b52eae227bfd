// Builds the notification channels from configuration: one per webhook URL and one per LINE target.
import type { LookupFunction } from 'node:net';
import { parseAllowList } from '@toc/server/lib/outbound-allow-list';
import type { OutboundGuard } from './guarded-post';
import type { RetryPolicy } from './http-post';
import { LineSender } from './line.sender';
import type { NotificationChannel } from './notification';
import { WebhookSender } from './webhook.sender';

export interface NotifyConfig {
  webhookUrls: string[];
  webhookSecret?: string;
  lineToken?: string;
  /** LINE user, group or room ids. */
  lineTargets: string[];
  lineBaseUrl?: string;
  /** NOTIFY_ALLOWED_HOSTS: networks and host names on premises that notifications may reach (http and any port too). */
  allowedHosts?: string[];
}

// Lists often come from splitting an env var, so blanks and repeats are dropped rather than rejected.
const cleanList = (values: readonly string[]) => [...new Set(values.map((v) => v.trim()).filter(Boolean))];

/** What every notification request may reach; `lookup` replaces the system resolver (tests). */
export const notifyGuard = (
  config: Pick<NotifyConfig, 'allowedHosts'>,
  lookup?: LookupFunction,
): OutboundGuard => ({
  allow: parseAllowList(config.allowedHosts ?? []),
  lookup,
});

/** Throws on a misconfiguration (bad or refused URL, LINE targets without a token) so it shows at startup. */
export function channelsFromConfig(
  config: NotifyConfig,
  policy: Partial<RetryPolicy> = {},
  guard: OutboundGuard = notifyGuard(config),
): NotificationChannel[] {
  const channels: NotificationChannel[] = [];
  const secret = config.webhookSecret?.trim() || undefined;
  for (const url of cleanList(config.webhookUrls)) {
    channels.push(new WebhookSender({ ...policy, url, secret, guard }));
  }
  const targets = cleanList(config.lineTargets);
  const token = config.lineToken?.trim();
  if (targets.length > 0 && !token)
    throw new Error('LINE targets are configured but the LINE token is missing');
  for (const to of targets) {
    channels.push(
      new LineSender({
        ...policy,
        channelAccessToken: token ?? '',
        to,
        baseUrl: config.lineBaseUrl?.trim() || undefined,
        guard,
      }),
    );
  }
  return channels;
}
