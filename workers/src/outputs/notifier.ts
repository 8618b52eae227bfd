// Sends elephant warnings and critical incidents to the configured channels and the per-district targets, logging each delivery.
import type { LookupFunction } from 'node:net';
import type { Queryable } from '@toc/server/db/pool';
import { insertNotification, targetsFor } from '@toc/server/repositories/notifications.repository';
import type { Event, NotificationTarget } from '@toc/server/schemas';
import { channelsFromConfig, notifyGuard, type NotifyConfig } from '../notify/channels-from-config';
import type { OutboundGuard } from '../notify/guarded-post';
import { LineSender } from '../notify/line.sender';
import type { Notification, NotificationChannel } from '../notify/notification';
import { WebhookSender } from '../notify/webhook.sender';

export interface NotifierContext {
  db: Queryable;
  config: NotifyConfig & { publicUrl: string };
  log: (level: 'info' | 'warn' | 'error', message: string, detail?: Record<string, unknown>) => void;
  /** The resolver whose answers outbound requests check; the system's by default (tests give names their own). */
  lookup?: LookupFunction;
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

/** Where a stored webhook target goes, for the log: its host only (the path may hold a token). */
function webhookLabel(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'invalid-url';
  }
}

interface Refused {
  /** Our reason, from the URL checks: e.g. a target saved before they existed. */
  refused: string;
  label: string;
}

export function recipientFor(target: NotificationTarget, config: NotifierContext['config'], guard: OutboundGuard): Recipient | Refused | null {
  if (target.channel === 'line' && !config.lineToken) return null;
  const label = target.channel === 'webhook' ? webhookLabel(target.target) : `line:${target.target}`;
  try {
    const channel =
      target.channel === 'webhook'
        ? new WebhookSender({ url: target.target, secret: config.webhookSecret, guard })
        : new LineSender({ channelAccessToken: config.lineToken ?? '', to: target.target, baseUrl: config.lineBaseUrl, guard });
    return { channel, label, audience: target.audience };
  } catch (error) {
    return { refused: `refused: ${(error as Error).message}`, label };
  }
}

/** The configured channels; a misconfiguration is logged and must not keep the per-district targets from being told. */
function configuredRecipients(ctx: NotifierContext, guard: OutboundGuard): Recipient[] {
  try {
    return channelsFromConfig(ctx.config, {}, guard).map((channel, i) => ({ channel, label: `${channel.kind}:config#${i + 1}`, audience: null }));
  } catch (error) {
    ctx.log('error', 'configured notification channels refused', { error: (error as Error).message });
    return [];
  }
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
  const guard = notifyGuard(ctx.config, ctx.lookup);
  const recipients = configuredRecipients(ctx, guard);
  for (const target of await targetsFor(ctx.db, event.type, districtsTh)) {
    const recipient = recipientFor(target, ctx.config, guard);
    if (recipient === null) {
      ctx.log('warn', 'LINE target skipped: no LINE token configured', { targetId: target.id });
    } else if ('refused' in recipient) {
      // Logged like a failed delivery, so operators see why this recipient heard nothing.
      const { refused: error, label } = recipient;
      const entry = { eventId: event.id, channel: target.channel, audience: target.audience, target: label, ok: false, status: null, attempts: 0, error };
      await insertNotification(ctx.db, entry);
      ctx.log('warn', 'notification target refused', { eventId: event.id, targetId: target.id, error });
    } else {
      recipients.push(recipient);
    }
  }
  await Promise.all(
    recipients.map(async ({ channel, label, audience }) => {
      const result = await channel.send(notification);
      await insertNotification(ctx.db, { eventId: event.id, channel: channel.kind, audience, target: label, ...result });
      if (!result.ok) ctx.log('warn', 'notification failed', { eventId: event.id, target: label, error: result.error });
    }),
  );
}
