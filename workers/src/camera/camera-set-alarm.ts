// A worker's condition alarm about a set of cameras (behind, waiting for a worker): no camera or place of its own,
// the cameras' ids its condition, the first few named in its text in English and Thai.
import type { EventType, NewEvent } from '@toc/server/schemas';

export interface NamedCamera {
  id: number;
  name: string;
  nameTh: string;
}

/** Camera names listed in an alarm's text at most; the payload has every id. */
const NAMES_SHOWN = 5;

const listNames = (names: readonly string[]): string =>
  names.length > NAMES_SHOWN
    ? `${names.slice(0, NAMES_SHOWN).join(', ')} +${names.length - NAMES_SHOWN}`
    : names.join(', ');

export interface CameraSetText {
  reasonText: string;
  reasonTextTh: string;
}

/**
 * The alarm for `cameras` (at least one); its condition changes when the set does. `text` gets how many there are
 * and their names, listed.
 */
export function cameraSetAlarm(
  type: EventType,
  cameras: readonly NamedCamera[],
  at: Date,
  text: (n: number, names: { en: string; th: string }) => CameraSetText,
  payload: Record<string, unknown> = {},
): NewEvent & { payload: { condition: string } } {
  const sorted = [...cameras].sort((a, b) => a.id - b.id);
  const names = { en: listNames(sorted.map((c) => c.name)), th: listNames(sorted.map((c) => c.nameTh)) };
  return {
    type,
    severity: 'high',
    // The cluster's or a worker's alarm, not one camera's (a fold keeps the first raise's camera).
    location: null,
    cameraId: null,
    startedAt: at.toISOString(),
    confidence: null,
    modelId: null,
    payload: {
      ...payload,
      condition: sorted.map((c) => c.id).join(','),
      cameraIds: sorted.map((c) => c.id),
      ...text(sorted.length, names),
    },
  };
}
