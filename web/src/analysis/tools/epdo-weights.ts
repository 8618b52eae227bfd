// EPDO weights (a crash counted by its worst outcome, as damage-only crashes) and their `weights` query parameter.
import type { Severity } from '../crash-filter-state';

export type EpdoWeights = Record<Severity, number>;

/** The server's defaults: Highway Safety Manual crash costs over a damage-only crash. */
export const DEFAULT_EPDO_WEIGHTS: Readonly<EpdoWeights> = {
  fatal: 542,
  serious: 29,
  minor: 11,
  damage_only: 1,
};

const ORDER: readonly Severity[] = ['fatal', 'serious', 'minor', 'damage_only'];
/** What the route's pattern accepts: up to six digits, up to three decimals. */
const MAX_WEIGHT = 999_999.999;

/** A weight the route accepts, rounded to its three decimals; null for a blank, negative or too large one. */
export function readWeight(text: string): number | null {
  if (text.trim() === '') return null;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > MAX_WEIGHT) return null;
  return Math.round(value * 1000) / 1000;
}

/** `fatal:542,serious:29,minor:11,damage_only:1`, or undefined when the weights are the defaults (nothing to send). */
export function weightsParam(weights: EpdoWeights): string | undefined {
  if (ORDER.every((severity) => weights[severity] === DEFAULT_EPDO_WEIGHTS[severity])) return undefined;
  return ORDER.map((severity) => `${severity}:${weights[severity]}`).join(',');
}

/** The parameter read back: severities left out keep their defaults; null when any part is malformed. */
export function parseWeights(param: string): EpdoWeights | null {
  const weights: EpdoWeights = { ...DEFAULT_EPDO_WEIGHTS };
  if (param.trim() === '') return weights;
  for (const part of param.split(',')) {
    const [name, text, ...rest] = part.split(':');
    const severity = ORDER.find((s) => s === name?.trim());
    const value = text === undefined ? null : readWeight(text);
    if (!severity || value === null || rest.length > 0) return null;
    weights[severity] = value;
  }
  return weights;
}
