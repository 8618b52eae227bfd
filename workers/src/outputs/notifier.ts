// Sends elephant warnings and critical incidents to the configured channels and the per-district targets, logging each delivery.
import type { Queryable } from '@toc/server/db/pool';
import { insertNotification, targetsFor } from '@toc/server/repositories/notifications.repository';
import type { Event, NotificationTarget } from '@toc/server/schemas';
import { channelsFromConfig, type NotifyConfig } from '../notify/channels-from-config';
import { LineSender } from '../notify/line.sender';
import type { Notification, NotificationChannel } from '../notify/notification';
import { WebhookSender } from '../notify/webhook.sender';

export interface NotifierContext {
  db: Queryable;
  config: NotifyConfig & { publicUrl: string };
  log: (level: 'info' | 'warn' | 'error', message: string, detail?: Record<string, unknown>) => void;
}

/** Which events are worth waking people for. */
export const shouldNotify = (event: Pick<Event, 'type' | 'severity'>) =>
  event.type === 'elephant.warning' || event.severity === 'critical';

interface Recipient {
  channel: NotificationChannel;
  /** What the log shows: a webhook's host, a LINE id; never a secret. */
  label: string;
  /** The target's audience (village head, ranger, ...); the configured channels have none. */
  audience: string | null;
}

function recipientFor(target: NotificationTarget, config: NotifierContext['config']): Recipient | null {
  if (target.channel === 'webhook') {
    return {
      channel: new WebhookSender({ url: target.target, secret: config.webhookSecret }),
      label: new URL(target.target).host,
      audience: target.audience,
    };
  }
  if (!config.lineToken) return null;
  return {
    channel: new LineSender({ channelAccessToken: config.lineToken, to: target.target, baseUrl: config.lineBaseUrl }),
    label: `line:${target.target}`,
    audience: target.audience,
  };
}

export async function notifyEvent(
  ctx: NotifierContext,
  event: Event,
  message: Pick<Notification, 'title' | 'body'>,
  districtsTh: string[] = [],
): Promise<void> {
  const notification: Notification = {
    eventId: event.id,
    type: event.type,
    severity: event.severity,
    title: message.title,
    body: message.body,
    location: event.location,
    url: `${ctx.config.publicUrl}/events/${event.id}`,
    at: event.startedAt,
  };
  const recipients: Recipient[] = channelsFromConfig(ctx.config).map((channel, i) => ({
    channel,
    label: `${channel.kind}:config#${i + 1}`,
    audience: null,
  }));
  for (const target of await targetsFor(ctx.db, event.type, districtsTh)) {
    const recipient = recipientFor(target, ctx.config);
    if (recipient) recipients.push(recipient);
    else ctx.log('warn', 'LINE target skipped: no LINE token configured', { targetId: target.id });
  }
  await Promise.all(
    recipients.map(async ({ channel, label, audience }) => {
      const result = await channel.send(notification);
      await insertNotification(ctx.db, { eventId: event.id, channel: channel.kind, audience, target: label, ...result });
      if (!result.ok) ctx.log('warn', 'notification failed', { eventId: event.id, target: label, error: result.error });
    }),
  );
}
