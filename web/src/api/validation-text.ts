// Says a schema-validation refusal in the UI language: the field by its name on the form ("Zone 2 › Name (Thai)")
// and the rule in words ("must not be empty"), instead of the validator's English.
import type { TFunction } from 'i18next';
import type { TranslationKey } from '../i18n/en';
import { formatNumber } from '../i18n/format';
import type { Language } from '../i18n/i18n';
import type { ValidationReason, ValidationRule } from './validation-reason';

/** Field labels by schema property name; a name that differs by where it is goes under `parent.name`. */
const FIELDS: Record<string, TranslationKey> = {
  name: 'validation.field.name',
  nameTh: 'validation.field.nameTh',
  rtspUrl: 'validation.field.rtspUrl',
  'rtspCredentials.username': 'validation.field.cameraUsername',
  'rtspCredentials.password': 'validation.field.cameraPassword',
  rtspCredentials: 'validation.field.cameraUsername',
  username: 'validation.field.username',
  password: 'validation.field.password',
  newPassword: 'validation.field.password',
  displayName: 'validation.field.displayName',
  role: 'validation.field.role',
  note: 'validation.field.note',
  rows: 'validation.field.rows',
  cols: 'validation.field.cols',
  cycleSeconds: 'validation.field.cycleSeconds',
  groups: 'validation.field.groups',
  cameraIds: 'validation.field.cameraIds',
  zones: 'validation.field.zones',
  lines: 'validation.field.lines',
  kind: 'validation.field.kind',
  polygon: 'validation.field.polygon',
  points: 'validation.field.points',
  direction: 'validation.field.direction',
  alertAbove: 'validation.field.alertAbove',
  clearBelow: 'validation.field.clearBelow',
  pairs: 'validation.field.pairs',
  headingDeg: 'validation.field.headingDeg',
  fovDeg: 'validation.field.fovDeg',
  location: 'validation.field.location',
  from: 'validation.field.from',
  to: 'validation.field.to',
  afterMin: 'validation.field.afterMin',
  target: 'validation.field.target',
  audience: 'validation.field.audience',
  eventTypes: 'validation.field.eventTypes',
  body: 'validation.field.body',
  // Footage requests
  caseNumber: 'requests.field.caseNumber',
  station: 'requests.field.station',
  officerName: 'requests.field.officerName',
  officerRank: 'requests.field.officerRank',
  officerId: 'requests.field.officerId',
  officerPhone: 'requests.field.officerPhone',
  legalBasis: 'requests.field.legalBasis',
  place: 'requests.detail.place',
  placeLabel: 'requests.field.placeLabel',
  placeRadiusM: 'requests.field.placeRadiusM',
  requesterUserId: 'requests.field.requesterUserId',
  holdExpiresAt: 'requests.field.holdExpiresAt',
};

/** One element of a list, numbered as the form numbers it (from 1). */
const ITEMS: Record<string, TranslationKey> = {
  zones: 'validation.item.zones',
  lines: 'validation.item.lines',
  groups: 'validation.item.groups',
  cameraIds: 'validation.item.cameraIds',
  pairs: 'validation.item.pairs',
  polygon: 'validation.item.polygon',
  points: 'validation.item.points',
};

const isIndex = (segment: string) => /^\d+$/.test(segment);

function fieldName(segment: string, parent: string | undefined, t: TFunction): string {
  const key = (parent !== undefined ? FIELDS[`${parent}.${segment}`] : undefined) ?? FIELDS[segment];
  return key ? t(key) : t('validation.unknownField', { name: segment });
}

/**
 * The field as the user knows it. Only the numbered items on the way and the last field are named: "Zone 2 › Name
 * (Thai)", not every object in between.
 */
export function fieldLabel(path: readonly string[], t: TFunction, language: Language): string {
  if (path.length === 0) return t('validation.request');
  const parts: string[] = [];
  path.forEach((segment, i) => {
    const parent = path[i - 1];
    if (isIndex(segment)) {
      // An index inside an index is a coordinate of a point: the point is named enough.
      if (parent === undefined || isIndex(parent)) return;
      const n = formatNumber(Number(segment) + 1, language);
      const item = ITEMS[parent];
      parts.push(item ? t(item, { n }) : t('validation.nth', { what: fieldName(parent, path[i - 2], t), n }));
    } else if (i === path.length - 1) {
      parts.push(fieldName(segment, parent, t));
    }
  });
  return parts.join(' › ');
}

function ruleText(rule: ValidationRule, field: string | undefined, t: TFunction, language: Language): string {
  const n = 'limit' in rule ? formatNumber(rule.limit, language) : '';
  switch (rule.kind) {
    case 'required':
      return t('validation.rule.required');
    case 'minLength':
      return rule.limit === 1 ? t('validation.rule.empty') : t('validation.rule.minLength', { n });
    case 'maxLength':
      return t('validation.rule.maxLength', { n });
    case 'minItems':
      return t('validation.rule.minItems', { n });
    case 'maxItems':
      return t('validation.rule.maxItems', { n });
    case 'minProperties':
      return t('validation.rule.minProperties');
    case 'maxProperties':
      return t('validation.rule.maxProperties');
    case 'minimum':
      return t('validation.rule.minimum', { n });
    case 'maximum':
      return t('validation.rule.maximum', { n });
    case 'exclusiveMinimum':
      return t('validation.rule.exclusiveMinimum', { n });
    case 'exclusiveMaximum':
      return t('validation.rule.exclusiveMaximum', { n });
    case 'type':
      if (rule.type === 'integer') return t('validation.rule.integer');
      if (rule.type === 'number') return t('validation.rule.number');
      return t('validation.rule.type');
    case 'pattern':
      // The address pattern is the one people meet (a pasted http:// link); it says what is expected.
      return field === 'rtspUrl' ? t('validation.rule.rtspUrl') : t('validation.rule.pattern');
    case 'format':
      return rule.format === 'date-time' ? t('validation.rule.dateTime') : t('validation.rule.pattern');
    case 'allowedValues':
      return t('validation.rule.allowedValues');
    case 'unknownField':
      return t('validation.rule.unknownField');
    case 'other':
      return t('validation.rule.other');
  }
}

export function validationText(reason: ValidationReason, t: TFunction, language: Language): string {
  const field = reason.path.at(-1);
  return t('validation.message', { field: fieldLabel(reason.path, t, language), rule: ruleText(reason.rule, field, t, language) });
}
