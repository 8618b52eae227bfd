// Cameras as a worker's alarms name them: the first few in the text, in English and Thai; the payload has every id.
export interface NamedCamera {
  id: number;
  name: string;
  nameTh: string;
}

/** Camera names listed in an alarm's text at most. */
const NAMES_SHOWN = 5;

/** `names` joined, the first five and how many more. */
export const listNames = (names: readonly string[]): string =>
  names.length > NAMES_SHOWN
    ? `${names.slice(0, NAMES_SHOWN).join(', ')} +${names.length - NAMES_SHOWN}`
    : names.join(', ');

export const byId = (cameras: readonly NamedCamera[]): NamedCamera[] =>
  [...cameras].sort((a, b) => a.id - b.id);
