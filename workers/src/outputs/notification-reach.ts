// Who a notification round can reach (counts only, never a URL or token), so an empty log can say why nobody was told.
import { targetsFor } from '@toc/server/repositories/notifications.repository';
import type { EventType, NotificationReach } from '@toc/server/schemas';
import { channelsFromConfig } from '../notify/channels-from-config';
import type { NotifierContext } from './notifier';

/** The system-wide channels notifyEvent would use; a misconfiguration sends nothing, so it counts as none. */
function configuredChannelCount(config: NotifierContext['config']): number {
  try {
    return channelsFromConfig(config).length;
  } catch {
    return 0;
  }
}

/** Counts what `notifyEvent` would send to for this event type and these districts, as it decides it. */
export async function notificationReach(
  ctx: Pick<NotifierContext, 'db' | 'config'>,
  eventType: EventType,
  districtsTh: string[],
  now: Date = new Date(),
): Promise<NotificationReach> {
  const targets = await targetsFor(ctx.db, eventType, districtsTh);
  // notifyEvent skips LINE targets when the workers have no LINE token (a warning in their log, no log entry).
  const lineWithoutToken = ctx.config.lineToken ? 0 : targets.filter((t) => t.channel === 'line').length;
  return { channels: configuredChannelCount(ctx.config), targets: targets.length, lineWithoutToken, districtsTh, at: now.toISOString() };
}
