// Wall clock ↔ media time inside a loaded playlist: every segment carries its wall-clock start (PROGRAM-DATE-TIME) and
// sits at its own place on the player's continuous media timeline, with gaps in the footage squeezed out between them.

/** A playlist segment as the player lays it out: where it starts on the media timeline, how long, its wall-clock start. */
export interface TimedFragment {
  /** Seconds on the media timeline. */
  start: number;
  duration: number;
  /** Epoch milliseconds; null when the playlist did not say. */
  programDateTime: number | null;
}

export interface MediaPosition {
  /** Seconds on the media timeline. */
  mediaTime: number;
  /** False when the instant is in no segment and the nearest segment's edge was taken instead. */
  exact: boolean;
}

const dated = (fragments: readonly TimedFragment[]) =>
  fragments.filter((f): f is TimedFragment & { programDateTime: number } => f.programDateTime !== null);

/**
 * The wall-clock instant (epoch ms) shown at `mediaTime`: the start of the segment it falls in plus the offset into it.
 * Before the first segment it is measured from the first one, past the last from the last (a frame a hair beyond an
 * edge still belongs to that segment).
 */
export function wallClockAt(fragments: readonly TimedFragment[], mediaTime: number): number | null {
  const list = dated(fragments);
  if (list.length === 0) return null;
  const fragment = list.findLast((f) => f.start <= mediaTime) ?? list[0]!;
  return fragment.programDateTime + (mediaTime - fragment.start) * 1000;
}

/**
 * Where on the media timeline the wall-clock instant `wallMs` is shown. Inside a gap between segments (or outside
 * them all) it is the nearest segment edge in the `prefer`red direction — the next recorded moment going forward,
 * the last one going back — or null when there is none that way. An instant less than `toleranceMs` before a segment
 * counts as its start: segment lengths are rounded in a playlist, so back-to-back segments can be a hair apart.
 */
export function mediaTimeAt(
  fragments: readonly TimedFragment[],
  wallMs: number,
  prefer: 'next' | 'previous' = 'next',
  toleranceMs = 0,
): MediaPosition | null {
  const list = dated(fragments);
  const inside = list.find(
    (f) => f.programDateTime <= wallMs && wallMs < f.programDateTime + f.duration * 1000,
  );
  if (inside) return { mediaTime: inside.start + (wallMs - inside.programDateTime) / 1000, exact: true };
  const next = list.find((f) => f.programDateTime > wallMs);
  if (next && next.programDateTime - wallMs < toleranceMs) return { mediaTime: next.start, exact: true };
  if (prefer === 'next') return next ? { mediaTime: next.start, exact: false } : null;
  const previous = list.findLast((f) => f.programDateTime + f.duration * 1000 <= wallMs);
  // A little before its end, so that the last frame (not the one after it) is shown.
  return previous
    ? { mediaTime: Math.max(previous.start, previous.start + previous.duration - 0.05), exact: false }
    : null;
}

/** The wall-clock stretch the segments cover, first start to last end (epoch ms), or null when there is none. */
export function wallClockRange(fragments: readonly TimedFragment[]): { from: number; to: number } | null {
  const list = dated(fragments);
  const first = list[0];
  const last = list.at(-1);
  if (!first || !last) return null;
  return { from: first.programDateTime, to: last.programDateTime + last.duration * 1000 };
}
