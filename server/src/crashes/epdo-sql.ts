// A crash's EPDO weight (by its worst outcome) as a SQL expression with placeholders, for every analysis that ranks.
import type { SqlParams } from '../lib/sql-params';
import { SEVERITY_SQL } from './crash-filter';
import type { EpdoWeights } from './epdo';

export function epdoSql(weights: EpdoWeights, params: SqlParams, c = 'c'): string {
  return `(CASE ${SEVERITY_SQL(c)} WHEN 'fatal' THEN ${params.add(weights.fatal)}::float8
    WHEN 'serious' THEN ${params.add(weights.serious)}::float8 WHEN 'minor' THEN ${params.add(weights.minor)}::float8
    ELSE ${params.add(weights.damage_only)}::float8 END)`;
}
