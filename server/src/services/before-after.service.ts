// A before/after study from a query: which site, two equal periods around the date (shortened so the "after" period
// stays inside the data), the comparison group, and the verdict.
import type { Queryable } from '../db/pool';
import { beforeAfterVerdict } from '../crashes/before-after';
import { checkAreaCode } from '../crashes/checked-filter';
import { readCrashFilter } from '../crashes/crash-filter';
import { HttpError } from '../lib/http-error';
import {
  beforeAfterCounts,
  lastCrashAt,
  type BeforeAfterSite,
} from '../repositories/crash-before-after.repository';
import type { BeforeAfterQuery, BeforeAfterReply } from '../schemas';

const DAY_MS = 86_400_000;
const BANGKOK_MS = 7 * 3_600_000;

function site(query: BeforeAfterQuery): BeforeAfterSite {
  const given = [query.siteArea, query.sitePolygon, query.siteRoad].filter((value) => value !== undefined);
  if (given.length !== 1)
    throw new HttpError(
      400,
      'Give exactly one site: siteArea, sitePolygon, or siteRoad with fromKm and toKm',
      'ระบุจุดที่ศึกษาเพียงแบบเดียว: siteArea, sitePolygon หรือ siteRoad พร้อม fromKm และ toKm',
    );
  if (query.siteArea) return { kind: 'area', code: query.siteArea };
  if (query.sitePolygon) {
    // The drawn-area reader checks the polygon (and answers 400 for a bad one).
    const { polygon } = readCrashFilter({ polygon: query.sitePolygon });
    return { kind: 'polygon', geojson: JSON.stringify(polygon) };
  }
  if (query.fromKm === undefined || query.toKm === undefined || query.fromKm >= query.toKm)
    throw new HttpError(400, 'A road site needs fromKm below toKm', 'ช่วงถนนต้องมี fromKm น้อยกว่า toKm');
  return { kind: 'road', roadCode: query.siteRoad!, fromKm: query.fromKm, toKm: query.toKm };
}

const bangkokDay = (ms: number) => new Date(ms + BANGKOK_MS).toISOString().slice(0, 10);

export async function beforeAfterStudy(db: Queryable, query: BeforeAfterQuery): Promise<BeforeAfterReply> {
  const filter = readCrashFilter(query);
  const where = site(query);
  for (const code of [query.siteArea, query.comparisonArea, query.area]) await checkAreaCode(db, code);
  const changeMs = Date.parse(`${query.date}T00:00:00+07:00`);
  const last = await lastCrashAt(db, filter);
  const dataDays = last ? Math.floor((last.getTime() - changeMs) / DAY_MS) + 1 : 0;
  if (dataDays < 30)
    throw new HttpError(
      400,
      `The crash data ends ${last ? `on ${bangkokDay(last.getTime())}` : 'before any crash'}: at least 30 days after ${query.date} are needed`,
      `ข้อมูลอุบัติเหตุมีหลังวันที่ ${query.date} ไม่ถึง 30 วัน`,
    );
  const days = Math.min(query.periodDays ?? 365, dataDays);
  const counts = await beforeAfterCounts(db, {
    filter,
    site: where,
    comparisonArea: query.comparisonArea,
    date: query.date,
    days,
  });
  return {
    periods: {
      days,
      before: { from: bangkokDay(changeMs - days * DAY_MS), to: bangkokDay(changeMs - DAY_MS) },
      after: { from: query.date, to: bangkokDay(changeMs + (days - 1) * DAY_MS) },
    },
    site: counts.site,
    comparison: { ...counts.comparison, area: query.comparisonArea ?? null },
    yearOnlyAtSite: counts.yearOnly,
    verdict: beforeAfterVerdict(counts.site, counts.comparison),
  };
}
