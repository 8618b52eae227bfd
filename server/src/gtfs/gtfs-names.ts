// Splits Namtang-style bilingual names "ไทย;English" into a display name and per-language translations.

const THAI = /[\u0E00-\u0E7F]/;

export interface SplitName {
  name: string;
  translations: Record<string, string>;
}

/**
 * "ตลาดบ้านใหม่;Ban Mai Market" → name "ตลาดบ้านใหม่", {th, en}. A name without ';' is kept whole; a doubled
 * half ("A;;A;") collapses to "A". Thai stays the display name because the feed's riders read Thai first.
 */
export function splitBilingualName(raw: string): SplitName {
  const name = raw.trim();
  if (!name.includes(';')) return { name, translations: {} };
  const parts = [
    ...new Set(
      name
        .split(';')
        .map((part) => part.trim())
        .filter(Boolean),
    ),
  ];
  if (parts.length === 0) return { name, translations: {} };
  if (parts.length === 1) return { name: parts[0]!, translations: {} };
  if (parts.length > 2) return { name, translations: {} };
  const [first, second] = parts as [string, string];
  // Thai first as Namtang writes it; if a feed writes "English;ไทย", swap so th always holds the Thai.
  const [th, en] = !THAI.test(first) && THAI.test(second) ? [second, first] : [first, second];
  return { name: th, translations: { th, en } };
}
