// The crash filter of a query string with its area code checked: a code that names no area would silently match
// nothing, so it is a 400 (English and Thai) instead.
import type { Queryable } from '../db/pool';
import { HttpError } from '../lib/http-error';
import { areaExists } from '../repositories/areas.repository';
import type { CrashFilterQuery } from '../schemas';
import { readCrashFilter, type CrashFilter } from './crash-filter';

export async function readCheckedCrashFilter(db: Queryable, query: CrashFilterQuery): Promise<CrashFilter> {
  const filter = readCrashFilter(query);
  await checkAreaCode(db, filter.area);
  return filter;
}

export async function checkAreaCode(db: Queryable, code: string | undefined): Promise<void> {
  if (code && !(await areaExists(db, code)))
    throw new HttpError(400, `area: no area has the code ${code}`, `ไม่พบพื้นที่รหัส ${code}`);
}
