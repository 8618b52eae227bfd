// A camera's retention settings as the admin types them, and a change applied to several cameras at once. Only
// "is it a number" is checked here: the ranges and min ≤ max are the server's, whose reason the page shows.
import type { CameraRecordingSettings } from '@toc/server/schemas';

export interface RetentionDraft {
  enabled: boolean;
  minDays: string;
  maxDays: string;
  priority: string;
}

export const draftOf = (s: CameraRecordingSettings): RetentionDraft => ({
  enabled: s.enabled,
  minDays: String(s.minDays),
  maxDays: String(s.maxDays),
  priority: String(s.priority),
});

/** A typed number, or null for an empty or unreadable field. */
function numberIn(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : null;
}

/** The settings the draft names, or null when a field is not a number. */
export function settingsOf(draft: RetentionDraft): CameraRecordingSettings | null {
  const minDays = numberIn(draft.minDays);
  const maxDays = numberIn(draft.maxDays);
  const priority = numberIn(draft.priority);
  if (minDays === null || maxDays === null || priority === null) return null;
  return { enabled: draft.enabled, minDays, maxDays, priority };
}

export function isChanged(draft: RetentionDraft, saved: CameraRecordingSettings): boolean {
  const typed = settingsOf(draft);
  if (!typed) return true;
  return (
    typed.enabled !== saved.enabled ||
    typed.minDays !== saved.minDays ||
    typed.maxDays !== saved.maxDays ||
    typed.priority !== saved.priority
  );
}

/** One change for several cameras: an empty field (or 'keep') leaves each camera's own value. */
export interface BulkChange {
  enabled: 'keep' | 'on' | 'off';
  minDays: string;
  maxDays: string;
  priority: string;
}

export const EMPTY_BULK: BulkChange = { enabled: 'keep', minDays: '', maxDays: '', priority: '' };

export const isBulkEmpty = (change: BulkChange): boolean =>
  change.enabled === 'keep' &&
  [change.minDays, change.maxDays, change.priority].every((v) => v.trim() === '');

/** A camera's settings with the change over them, or null when a filled-in field is not a number. */
export function applyBulk(
  current: CameraRecordingSettings,
  change: BulkChange,
): CameraRecordingSettings | null {
  const pick = (text: string, own: number): number | null => (text.trim() === '' ? own : numberIn(text));
  const minDays = pick(change.minDays, current.minDays);
  const maxDays = pick(change.maxDays, current.maxDays);
  const priority = pick(change.priority, current.priority);
  if (minDays === null || maxDays === null || priority === null) return null;
  const enabled = change.enabled === 'keep' ? current.enabled : change.enabled === 'on';
  return { enabled, minDays, maxDays, priority };
}
