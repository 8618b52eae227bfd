// A ranked road section in words: which road (DOH code and name, or OSM class and name) and where along it.
import type { TFunction } from 'i18next';
import type { RoadSection } from '@toc/server/schemas';
import type { TranslationKey } from '../../i18n/en';
import { formatNumber } from '../../i18n/format';
import type { Language } from '../../i18n/i18n';
import { kmPostRange } from './km-post';
import { formatYears } from './period-dates';

/** The OSM classes the crash store snaps to have names; any other class shows as OSM spells it. */
const ROAD_CLASSES: Record<string, TranslationKey> = {
  motorway: 'analysis-tools.roadClass.motorway',
  trunk: 'analysis-tools.roadClass.trunk',
  primary: 'analysis-tools.roadClass.primary',
  secondary: 'analysis-tools.roadClass.secondary',
  tertiary: 'analysis-tools.roadClass.tertiary',
};

/** [the road's short reference, its name]: ["304", "ถ.สุวินทวงศ์"] or ["Trunk road", "ถ.สุขุมวิท"]. */
export function roadLabel(section: RoadSection, t: TFunction): [string, string] {
  const name = section.roadName ?? '';
  if (section.basis === 'km') return [section.roadCode ?? '', name];
  const roadClass = section.roadClass ?? '';
  const key = ROAD_CLASSES[roadClass];
  return [key ? t(key) : roadClass, name || t('analysis-tools.sections.unnamed')];
}

/** "กม. 12+300 – 12+800" on the km basis, "ม. 0–500 ตามแนวถนน" along an OSM line. */
export function whereLabel(section: RoadSection, t: TFunction, language: Language): string {
  if (section.basis === 'km' && section.fromKm !== null && section.toKm !== null) {
    const [from, to] = kmPostRange(section.fromKm, section.toKm);
    return t('analysis-tools.sections.kmRange', { from, to });
  }
  if (section.fromM !== null && section.toM !== null) {
    return t('analysis-tools.sections.metreRange', {
      from: formatNumber(Math.round(section.fromM), language),
      to: formatNumber(Math.round(section.toM), language),
    });
  }
  return t('analysis-tools.none');
}

/** The years with data, Buddhist Era in Thai. */
export const yearsLabel = (section: RoadSection, language: Language): string =>
  formatYears(language === 'th' ? section.yearsBe : section.years);
