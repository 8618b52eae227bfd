// The road-section form as typed (text of number inputs) and its check into the route's extra query parameters.
import type { RankBy, SectionBasis } from '@toc/server/schemas';
import type { Severity } from '../crash-filter-state';
import { DEFAULT_EPDO_WEIGHTS, readWeight, weightsParam, type EpdoWeights } from './epdo-weights';

export interface SectionsForm {
  lengthM: string;
  stepM: string;
  rankBy: RankBy;
  weights: Record<Severity, string>;
  minCrashes: string;
  /** '' for no deaths criterion. */
  minDeaths: string;
  basis: SectionBasis;
  overlapping: boolean;
  limit: string;
}

export const DEFAULT_SECTIONS_FORM: SectionsForm = {
  lengthM: '500',
  stepM: '100',
  rankBy: 'epdo',
  weights: {
    fatal: String(DEFAULT_EPDO_WEIGHTS.fatal),
    serious: String(DEFAULT_EPDO_WEIGHTS.serious),
    minor: String(DEFAULT_EPDO_WEIGHTS.minor),
    damage_only: String(DEFAULT_EPDO_WEIGHTS.damage_only),
  },
  minCrashes: '3',
  minDeaths: '',
  basis: 'all',
  overlapping: false,
  limit: '50',
};

/** Which field is wrong: each names a message key suffix. */
export type SectionsProblem =
  'lengthM' | 'stepM' | 'stepLonger' | 'weights' | 'minCrashes' | 'minDeaths' | 'limit';

export type SectionsExtra = Record<string, string | number | boolean>;

/** A whole number within the route's limits, or null. */
function readInteger(text: string, min: number, max: number): number | null {
  const value = Number(text);
  return text.trim() !== '' && Number.isInteger(value) && value >= min && value <= max ? value : null;
}

/** The query parameters of a valid form (defaults left out), or the first problem. */
export function sectionsExtra(form: SectionsForm): { extra: SectionsExtra } | { problem: SectionsProblem } {
  const lengthM = readInteger(form.lengthM, 100, 5_000);
  if (lengthM === null) return { problem: 'lengthM' };
  const stepM = readInteger(form.stepM, 50, 5_000);
  if (stepM === null) return { problem: 'stepM' };
  if (stepM > lengthM) return { problem: 'stepLonger' };
  const weights: Partial<EpdoWeights> = {};
  for (const severity of Object.keys(form.weights) as Severity[]) {
    const value = readWeight(form.weights[severity]);
    if (value === null) return { problem: 'weights' };
    weights[severity] = value;
  }
  const minCrashes = readInteger(form.minCrashes, 1, 10_000);
  if (minCrashes === null) return { problem: 'minCrashes' };
  const minDeaths = form.minDeaths.trim() === '' ? undefined : readInteger(form.minDeaths, 1, 10_000);
  if (minDeaths === null) return { problem: 'minDeaths' };
  const limit = readInteger(form.limit, 1, 500);
  if (limit === null) return { problem: 'limit' };
  const extra: SectionsExtra = { lengthM, stepM, rankBy: form.rankBy, minCrashes, basis: form.basis, limit };
  const weightsText = weightsParam(weights as EpdoWeights);
  if (weightsText) extra.weights = weightsText;
  if (minDeaths !== undefined) extra.minDeaths = minDeaths;
  // The route's default is false; sent only when asked for, to keep the URL short.
  if (form.overlapping) extra.overlapping = true;
  return { extra };
}
