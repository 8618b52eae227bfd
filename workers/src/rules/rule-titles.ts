// Human-readable titles of every signal kind, in English and Thai, and the event type each kind is reported as.
import type { EventType } from '@toc/server/schemas';

export const RULE_KINDS = [
  'stopped_vehicle',
  'sudden_stop',
  'collision',
  'crash_aftermath',
  'person_on_road',
  'wrong_way',
  'congestion',
  'elephant_sighting',
  'crowd_alert',
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export interface RuleTitle {
  en: string;
  th: string;
}

export const RULE_TITLES: Record<RuleKind, RuleTitle> = {
  stopped_vehicle: { en: 'Stopped vehicle in lane', th: 'รถจอดนิ่งในช่องจราจร' },
  sudden_stop: { en: 'Sudden stop', th: 'รถหยุดกะทันหัน' },
  collision: { en: 'Possible collision', th: 'สงสัยเกิดอุบัติเหตุรถชน' },
  crash_aftermath: {
    en: 'Possible crash: vehicle stopped with people on the carriageway',
    th: 'สงสัยเกิดอุบัติเหตุ: รถจอดนิ่งและมีคนอยู่บนผิวจราจร',
  },
  person_on_road: { en: 'Person on the carriageway', th: 'มีคนอยู่บนผิวจราจร' },
  wrong_way: { en: 'Wrong-way vehicle', th: 'รถวิ่งย้อนศร' },
  congestion: { en: 'Traffic congestion', th: 'การจราจรติดขัด' },
  elephant_sighting: { en: 'Wild elephant sighted', th: 'พบช้างป่า' },
  crowd_alert: { en: 'Crowd density alert', th: 'แจ้งเตือนฝูงชนหนาแน่น' },
};

export const RULE_EVENT_TYPES: Record<RuleKind, EventType> = {
  stopped_vehicle: 'traffic.incident',
  sudden_stop: 'traffic.accident',
  collision: 'traffic.accident',
  crash_aftermath: 'traffic.accident',
  person_on_road: 'traffic.incident',
  wrong_way: 'traffic.incident',
  congestion: 'traffic.congestion',
  elephant_sighting: 'elephant.sighting',
  crowd_alert: 'crowd.alert',
};

export const isRuleKind = (kind: string): kind is RuleKind =>
  (RULE_KINDS as readonly string[]).includes(kind);

/** Title for any kind string; unknown kinds fall back to the kind itself in both languages. */
export const ruleTitle = (kind: string): RuleTitle =>
  isRuleKind(kind) ? RULE_TITLES[kind] : { en: kind, th: kind };
