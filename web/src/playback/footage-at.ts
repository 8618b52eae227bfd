// Is there footage at an instant? The recorded span it falls in, or the gap (with its reason) and the next moment
// that was recorded — what the timeline tells before the player is asked for anything.
import type { RecordedSpan, RecordingGap } from '@toc/server/schemas';

export type FootageAt =
  | { kind: 'recorded'; span: RecordedSpan }
  /** No footage: the gap that explains it (null when none was recorded for this stretch) and where footage resumes. */
  | { kind: 'missing'; gap: RecordingGap | null; next: number | null };

const ms = (iso: string) => Date.parse(iso);

/** The gap that holds `atMs`; a gap still going on (no end) holds everything from its start. */
export function gapAt(gaps: readonly RecordingGap[], atMs: number): RecordingGap | null {
  return gaps.find((g) => ms(g.from) <= atMs && (g.to === null || atMs < ms(g.to))) ?? null;
}

/** The first recorded moment after `atMs` (epoch ms), or null when nothing later was recorded. */
export function nextRecordedAt(spans: readonly RecordedSpan[], atMs: number): number | null {
  let next: number | null = null;
  for (const span of spans) {
    const from = ms(span.from);
    if (from > atMs && (next === null || from < next)) next = from;
  }
  return next;
}

export function footageAt(
  timeline: { spans: readonly RecordedSpan[]; gaps: readonly RecordingGap[] },
  atMs: number,
): FootageAt {
  const span = timeline.spans.find((s) => ms(s.from) <= atMs && atMs < ms(s.to));
  if (span) return { kind: 'recorded', span };
  return { kind: 'missing', gap: gapAt(timeline.gaps, atMs), next: nextRecordedAt(timeline.spans, atMs) };
}
