// The words of an escalation notice, in Thai and English: what, how long it has waited, and where.
import type { Event } from '@toc/server/schemas';
import type { Notification } from '../notify/notification';
import { BUS_ALERT_TITLES } from '../transit/bus-alert-text';

/** A readable name of the alarm: its own title when the pipeline gave one, else its type's. */
function alarmTitle(event: Event): { en: string; th: string } {
  const title = event.payload.title as { en?: unknown; th?: unknown } | undefined;
  if (typeof title?.en === 'string' && typeof title.th === 'string') return { en: title.en, th: title.th };
  return BUS_ALERT_TITLES[event.type as keyof typeof BUS_ALERT_TITLES] ?? { en: event.type, th: event.type };
}

export function escalationMessage(event: Event, afterMin: number): Pick<Notification, 'title' | 'body'> {
  const what = alarmTitle(event);
  return {
    title: { en: `Escalated: ${what.en}`, th: `ยกระดับ: ${what.th}` },
    body: {
      en: `Alarm #${event.id} has not been acknowledged for ${afterMin} min at the command centre.`,
      th: `การแจ้งเตือน #${event.id} ยังไม่มีผู้รับทราบที่ศูนย์สั่งการเป็นเวลา ${afterMin} นาที`,
    },
  };
}
