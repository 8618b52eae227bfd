// Splits a tile's camera name where it stops matching the other names on screen, so the part that tells
// two tiles apart is never the part an ellipsis hides.

export interface CaptionParts {
  /** The start shared with another name on screen (may be cut with an ellipsis); '' when nothing is shared. */
  head: string;
  /** From the first word that differs to the end: kept whole while it fits. */
  tail: string;
}

// Word boundaries rather than characters: Thai has no spaces between words, and a cut inside a syllable would
// strand a vowel or tone mark at the start of the tail.
const words = new Intl.Segmenter('th', { granularity: 'word' });

function sharedPrefixLength(a: string, b: string): number {
  const end = Math.min(a.length, b.length);
  let i = 0;
  while (i < end && a[i] === b[i]) i++;
  return i;
}

export function captionParts(name: string, namesOnScreen: readonly string[]): CaptionParts {
  // An identical name has no distinguishing part: comparing with it would only hide the start.
  const shared = Math.max(0, ...namesOnScreen.filter((other) => other !== name).map((other) => sharedPrefixLength(name, other)));
  if (shared === 0) return { head: '', tail: name };
  let cut = 0;
  for (const { index } of words.segment(name)) {
    if (index > shared) break;
    cut = index;
  }
  // The tail starts on a word, not on the space before it.
  while (cut < name.length && /\s/.test(name[cut]!)) cut++;
  if (cut >= name.length) return { head: '', tail: name };
  return { head: name.slice(0, cut), tail: name.slice(cut) };
}
