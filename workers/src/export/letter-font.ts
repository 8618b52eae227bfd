// Sarabun @font-face rules with the woff2 files inlined as data: URLs, so the letter page loads nothing from outside.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The family name the letter's CSS uses. */
export const LETTER_FONT = 'Sarabun';

// Fontsource splits each weight by script; the ranges are the ones its CSS gives (thai, latin-ext, latin).
const SUBSETS = [
  { name: 'thai', range: 'U+02D7,U+0303,U+0331,U+0E01-0E5B,U+200C-200D,U+25CC' },
  {
    name: 'latin-ext',
    range:
      'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
  },
  {
    name: 'latin',
    range:
      'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  },
] as const;
const WEIGHTS = [400, 700] as const;

const require = createRequire(import.meta.url);
let cached: string | null = null;

/** The @font-face rules (regular and bold; about 85 kB of CSS), read once per process. */
export function sarabunFontFaces(): string {
  cached ??= WEIGHTS.flatMap((weight) =>
    SUBSETS.map(({ name, range }) => {
      const file = require.resolve(`@fontsource/sarabun/files/sarabun-${name}-${weight}-normal.woff2`);
      const data = readFileSync(file).toString('base64');
      return `@font-face{font-family:'${LETTER_FONT}';font-style:normal;font-weight:${weight};font-display:block;src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${range};}`;
    }),
  ).join('\n');
  return cached;
}
