// A crash's EPDO weight (by its worst outcome) as a SQL expression with placeholders, for every analysis that ranks.
import type { SqlParams } from '../lib/sql-params';
import { SEVERITY_SQL } from './crash-filter';
import type { EpdoWeights } from './epdo';

/** The weight of a severity class given as SQL (a column of counts kept per class, or a crash's class). */
export function epdoOfSeveritySql(weights: EpdoWeights, params: SqlParams, severity: string): string {
  return `(CASE ${severity} WHEN 'fatal' THEN ${params.add(weights.fatal)}::float8
    WHEN 'serious' THEN ${params.add(weights.serious)}::float8 WHEN 'minor' THEN ${params.add(weights.minor)}::float8
    ELSE ${params.add(weights.damage_only)}::float8 END)`;
}

export function epdoSql(weights: EpdoWeights, params: SqlParams, c = 'c'): string {
  return epdoOfSeveritySql(weights, params, SEVERITY_SQL(c));
}
