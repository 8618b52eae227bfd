// EPDO (equivalent property-damage-only) weights per crash severity: the defaults and the `weights` query parameter.
import { HttpError } from '../lib/http-error';
import type { Severity } from './crash-filter';

export type EpdoWeights = Record<Severity, number>;

/**
 * Highway Safety Manual (AASHTO, 1st ed. 2010, Table 4-7) societal crash costs divided by the cost of a
 * property-damage-only crash: fatal (K) 542, disabling injury (A) 29 for serious, evident injury (B) 11 for minor,
 * PDO 1. A crash is weighted by its worst outcome, so one fatal crash outweighs hundreds of fender-benders.
 */
export const DEFAULT_EPDO_WEIGHTS: Readonly<EpdoWeights> = Object.freeze({
  fatal: 542,
  serious: 29,
  minor: 11,
  damage_only: 1,
});

/** Large enough for any cost ratio, small enough that sums stay exact in a double. */
export const MAX_EPDO_WEIGHT = 100_000;

const SEVERITIES: readonly Severity[] = ['fatal', 'serious', 'minor', 'damage_only'];
const isSeverity = (name: string): name is Severity => (SEVERITIES as readonly string[]).includes(name);

const badWeights = (why: string, whyTh: string) =>
  new HttpError(400, `weights: ${why}`, `น้ำหนัก EPDO (weights): ${whyTh}`);

function readWeight(part: string): [Severity, number] {
  const [name = '', value = '', ...rest] = part.split(':');
  if (!isSeverity(name) || rest.length > 0)
    throw badWeights(
      `"${part}" is not severity:weight (fatal, serious, minor, damage_only)`,
      `"${part}" ไม่อยู่ในรูป ความรุนแรง:น้ำหนัก (fatal, serious, minor, damage_only)`,
    );
  // Number('') is 0: an empty weight must not pass as one.
  const weight = value.trim() === '' ? NaN : Number(value);
  if (!Number.isFinite(weight) || weight < 0 || weight > MAX_EPDO_WEIGHT)
    throw badWeights(
      `${name} must be a number from 0 to ${MAX_EPDO_WEIGHT}`,
      `${name} ต้องเป็นตัวเลข 0 ถึง ${MAX_EPDO_WEIGHT}`,
    );
  return [name, weight];
}

/**
 * Reads `fatal:542,serious:29,minor:11,damage_only:1`; a severity left out keeps its default. Throws a 400 (English
 * and Thai) for an unknown severity, a repeated one, a weight out of range, or all weights 0.
 */
export function parseEpdoWeights(text: string | undefined): EpdoWeights {
  const weights: EpdoWeights = { ...DEFAULT_EPDO_WEIGHTS };
  if (text === undefined || text === '') return weights;
  const seen = new Set<Severity>();
  for (const part of text.split(',')) {
    const [severity, weight] = readWeight(part);
    if (seen.has(severity)) throw badWeights(`${severity} is given twice`, `ระบุ ${severity} ซ้ำ`);
    seen.add(severity);
    weights[severity] = weight;
  }
  if (SEVERITIES.every((severity) => weights[severity] === 0))
    throw badWeights('at least one weight must be above 0', 'ต้องมีน้ำหนักอย่างน้อยหนึ่งค่าที่มากกว่า 0');
  return weights;
}
