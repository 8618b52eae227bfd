// The before/after form as typed, which sites it can offer, and its check into the route's extra query parameters.
import type { DrawnPolygon } from '../crash-filter-state';

export type SiteKind = 'polygon' | 'area' | 'road';
export const SITE_KINDS: readonly SiteKind[] = ['polygon', 'area', 'road'];

export interface BeforeAfterForm {
  site: SiteKind;
  /** YYYY-MM-DD, the day the measure took effect. */
  date: string;
  periodDays: string;
  siteRoad: string;
  fromKm: string;
  toKm: string;
  /** '' for every filtered crash outside the site. */
  comparisonArea: string;
}

export const DEFAULT_BEFORE_AFTER_FORM: BeforeAfterForm = {
  site: 'polygon',
  date: '',
  periodDays: '365',
  siteRoad: '',
  fromKm: '',
  toKm: '',
  comparisonArea: '',
};

export type BeforeAfterProblem = 'site' | 'date' | 'periodDays' | 'siteRoad' | 'kmRange' | 'comparisonArea';

const AREA_CODE = /^TH[0-9]{2}([0-9]{2}([0-9]{2})?)?$/;
const ROAD_CODE = /^[0-9A-Za-z.-]{1,20}$/;

/** Which sites can be chosen: a drawn polygon, and an area only when it is a district or sub-district (TH2401…). */
export function siteEnabled(kind: SiteKind, drawnPolygon: DrawnPolygon | null, areaCode: string): boolean {
  if (kind === 'polygon') return drawnPolygon !== null;
  // A whole province as a "site" leaves no comparison group around it.
  if (kind === 'area') return AREA_CODE.test(areaCode) && areaCode.length >= 6;
  return true;
}

/** The chosen site, or the first one that can be chosen when it no longer can (the polygon was cleared). */
export function effectiveSite(
  chosen: SiteKind,
  drawnPolygon: DrawnPolygon | null,
  areaCode: string,
): SiteKind {
  if (siteEnabled(chosen, drawnPolygon, areaCode)) return chosen;
  return SITE_KINDS.find((kind) => siteEnabled(kind, drawnPolygon, areaCode)) ?? 'road';
}

const readKm = (text: string): number | null => {
  const value = Number(text);
  return text.trim() !== '' && Number.isFinite(value) && value >= 0 && value <= 10_000 ? value : null;
};

export type BeforeAfterExtra = Record<string, string | number>;

/** The query parameters of a valid form (only the chosen site's), or the first problem. */
export function beforeAfterExtra(
  form: BeforeAfterForm,
  drawnPolygon: DrawnPolygon | null,
  areaCode: string,
): { extra: BeforeAfterExtra } | { problem: BeforeAfterProblem } {
  const site = effectiveSite(form.site, drawnPolygon, areaCode);
  if (!siteEnabled(site, drawnPolygon, areaCode)) return { problem: 'site' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date) || Number.isNaN(Date.parse(form.date)))
    return { problem: 'date' };
  const periodDays = Number(form.periodDays);
  if (form.periodDays.trim() === '' || !Number.isInteger(periodDays) || periodDays < 30 || periodDays > 1826)
    return { problem: 'periodDays' };
  const extra: BeforeAfterExtra = { date: form.date, periodDays };
  if (site === 'polygon') extra.sitePolygon = JSON.stringify(drawnPolygon);
  else if (site === 'area') extra.siteArea = areaCode;
  else {
    const road = form.siteRoad.trim();
    if (!ROAD_CODE.test(road)) return { problem: 'siteRoad' };
    const fromKm = readKm(form.fromKm);
    const toKm = readKm(form.toKm);
    if (fromKm === null || toKm === null || fromKm >= toKm) return { problem: 'kmRange' };
    Object.assign(extra, { siteRoad: road, fromKm, toKm });
  }
  const comparison = form.comparisonArea.trim().toUpperCase();
  if (comparison !== '') {
    if (!AREA_CODE.test(comparison)) return { problem: 'comparisonArea' };
    extra.comparisonArea = comparison;
  }
  return { extra };
}
