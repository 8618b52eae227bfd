// Reads the DOH date, time and year fields: Buddhist-Era or Gregorian years, the day formats of different years, Bangkok time to UTC.

/** Why a value cannot be read, in English and Thai. */
export interface Rejection {
  reason: string;
  reasonTh: string;
}

export const isRejection = (value: unknown): value is Rejection =>
  typeof value === 'object' && value !== null && 'reasonTh' in value;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export interface ClockTime {
  hour: number;
  minute: number;
  second: number;
}

/** The Buddhist Era is 543 years ahead; a 4-digit year from 2400 on can only be BE (2400 BE = 1857). */
const BE_OFFSET = 543;
const FIRST_BE_YEAR = 2400;
const MIN_YEAR = 1950;
const MAX_YEAR = 2100;
/** Thailand has kept UTC+7 all year since 1920. */
const BANGKOK_OFFSET_HOURS = 7;

const DAY_FIRST = /^(\d{1,2})[/-](\d{1,2})[/-](\d+)$/;
const YEAR_FIRST = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const CLOCK = /^(\d{1,2})[:.](\d{2})(?::(\d{2}))?$/;
/** Thai times may end in น. (นาฬิกา, o'clock). */
const THAI_CLOCK_SUFFIX = /\s*น\.?$/u;

/** A 4-digit year, BE or Gregorian, as Gregorian. A 2-digit year (67 = 2567 BE? 1967?) is never guessed. */
export function gregorianYear(raw: string): number | Rejection {
  const text = raw.trim();
  if (/^\d{1,2}$/.test(text)) {
    return {
      reason: `two-digit year "${text}" is ambiguous; a 4-digit year (BE or Gregorian) is needed`,
      reasonTh: `ปี "${text}" มีเพียงสองหลัก ระบุไม่ได้ว่าเป็นปีใด ต้องเป็นปี 4 หลัก (พ.ศ. หรือ ค.ศ.)`,
    };
  }
  if (!/^\d{4}$/.test(text)) return { reason: `"${text}" is not a year`, reasonTh: `"${text}" ไม่ใช่ปี` };
  const year = Number(text) >= FIRST_BE_YEAR ? Number(text) - BE_OFFSET : Number(text);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return {
      reason: `year ${text} is outside ${MIN_YEAR}–${MAX_YEAR}`,
      reasonTh: `ปี ${text} อยู่นอกช่วง ค.ศ. ${MIN_YEAR}–${MAX_YEAR}`,
    };
  }
  return year;
}

const isRealDay = ({ year, month, day }: CalendarDate): boolean => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/** DD/MM/YYYY, D/M/YYYY, DD-MM-YYYY or YYYY-MM-DD, the year BE or Gregorian. */
export function parseDohDate(raw: string): CalendarDate | Rejection {
  const text = raw.trim();
  if (!text) return { reason: 'the date is missing', reasonTh: 'ไม่มีวันที่เกิดเหตุ' };
  const dayFirst = DAY_FIRST.exec(text);
  const yearFirst = dayFirst ? null : YEAR_FIRST.exec(text);
  const parts = dayFirst
    ? { year: dayFirst[3]!, month: dayFirst[2]!, day: dayFirst[1]! }
    : yearFirst && { year: yearFirst[1]!, month: yearFirst[2]!, day: yearFirst[3]! };
  if (!parts) {
    return {
      reason: `date "${text}" is not DD/MM/YYYY or YYYY-MM-DD`,
      reasonTh: `วันที่ "${text}" ไม่อยู่ในรูปแบบ วว/ดด/ปปปป หรือ ปปปป-ดด-วว`,
    };
  }
  const year = gregorianYear(parts.year);
  if (isRejection(year)) {
    return { reason: `date "${text}": ${year.reason}`, reasonTh: `วันที่ "${text}": ${year.reasonTh}` };
  }
  const date = { year, month: Number(parts.month), day: Number(parts.day) };
  if (!isRealDay(date)) {
    return { reason: `date "${text}" does not exist`, reasonTh: `ไม่มีวันที่ "${text}" ในปฏิทิน` };
  }
  return date;
}

/** HH:MM, H:MM, HH.MM or HH:MM:SS (an ending น. allowed); null when the time is empty. */
export function parseDohTime(raw: string): ClockTime | null | Rejection {
  const text = raw.trim();
  if (!text) return null;
  const match = CLOCK.exec(text.replace(THAI_CLOCK_SUFFIX, ''));
  const time = match && { hour: Number(match[1]), minute: Number(match[2]), second: Number(match[3] ?? 0) };
  if (!time || time.hour > 23 || time.minute > 59 || time.second > 59) {
    return {
      reason: `time "${text}" is not a time of day (HH:MM)`,
      reasonTh: `เวลา "${text}" ไม่ใช่เวลา (ชช:นน)`,
    };
  }
  return time;
}

/** Bangkok wall-clock time as an ISO 8601 UTC string. */
export function bangkokToIso(date: CalendarDate, time: ClockTime): string {
  const utcMs = Date.UTC(
    date.year,
    date.month - 1,
    date.day,
    time.hour - BANGKOK_OFFSET_HOURS,
    time.minute,
    time.second,
  );
  return new Date(utcMs).toISOString();
}

export interface DohWhen {
  occurredAt: string;
  /** Gregorian. */
  year: number;
  notes: string[];
}

const MIDNIGHT: ClockTime = { hour: 0, minute: 0, second: 0 };

/** The row's date and time (and its year column, which must agree with the date when both are given). */
export function parseDohWhen(date: string, time = '', yearColumn = ''): DohWhen | Rejection {
  const day = parseDohDate(date);
  if (isRejection(day)) return day;
  const clock = parseDohTime(time);
  if (isRejection(clock)) return clock;
  if (yearColumn.trim()) {
    const year = gregorianYear(yearColumn);
    if (isRejection(year)) {
      return { reason: `year column: ${year.reason}`, reasonTh: `ปีที่เกิดเหตุ: ${year.reasonTh}` };
    }
    if (year !== day.year) {
      return {
        reason: `year ${yearColumn.trim()} (${year}) disagrees with the date ${date.trim()} (${day.year})`,
        reasonTh: `ปีที่เกิดเหตุ ${yearColumn.trim()} (ค.ศ. ${year}) ไม่ตรงกับวันที่เกิดเหตุ ${date.trim()} (ค.ศ. ${day.year})`,
      };
    }
  }
  // An empty time keeps the crash (the day still counts) at 00:00, and says so.
  const notes = clock ? [] : ['time not given: 00:00 assumed'];
  return { occurredAt: bangkokToIso(day, clock ?? MIDNIGHT), year: day.year, notes };
}
