// Pure parsers for GTFS field values (times past 24 h, YYYYMMDD dates, coordinates) and the bilingual reasons they give.

/** Why a row was refused, in English and Thai. */
export interface Rejection {
  reason: string;
  reasonTh: string;
}

/** Thrown by the field readers; the importer turns it into a rejected row. */
export class RowRejected extends Error {
  constructor(readonly rejection: Rejection) {
    super(rejection.reason);
  }
}

export const reject = (reason: string, reasonTh: string): never => {
  throw new RowRejected({ reason, reasonTh });
};

type Fields = Record<string, string | undefined>;

export function requiredText(fields: Fields, name: string): string {
  const value = fields[name]?.trim();
  if (!value) reject(`${name} is required`, `ต้องมีค่า ${name}`);
  return value!;
}

export function optionalText(fields: Fields, name: string): string | null {
  const value = fields[name]?.trim();
  return value ? value : null;
}

function parseNumber(fields: Fields, name: string, required: boolean): number | null {
  const raw = fields[name]?.trim();
  if (!raw) return required ? reject(`${name} is required`, `ต้องมีค่า ${name}`) : null;
  const value = Number(raw);
  if (!Number.isFinite(value)) reject(`${name} "${raw}" is not a number`, `${name} "${raw}" ไม่ใช่ตัวเลข`);
  return value;
}

export const requiredNumber = (fields: Fields, name: string): number => parseNumber(fields, name, true)!;
export const optionalNumber = (fields: Fields, name: string): number | null =>
  parseNumber(fields, name, false);

export function optionalInteger(fields: Fields, name: string, min: number, max: number): number | null {
  const value = parseNumber(fields, name, false);
  if (value === null) return null;
  if (!Number.isInteger(value) || value < min || value > max) {
    reject(
      `${name} must be a whole number from ${min} to ${max}`,
      `${name} ต้องเป็นจำนวนเต็มตั้งแต่ ${min} ถึง ${max}`,
    );
  }
  return value;
}

export function requiredInteger(fields: Fields, name: string, min: number, max: number): number {
  const value = optionalInteger(fields, name, min, max);
  if (value === null) reject(`${name} is required`, `ต้องมีค่า ${name}`);
  return value!;
}

export function latitude(fields: Fields, name: string): number {
  const value = requiredNumber(fields, name);
  if (value < -90 || value > 90)
    reject(`${name} ${value} is outside -90..90`, `${name} ${value} อยู่นอกช่วง -90..90`);
  return value;
}

export function longitude(fields: Fields, name: string): number {
  const value = requiredNumber(fields, name);
  if (value < -180 || value > 180)
    reject(`${name} ${value} is outside -180..180`, `${name} ${value} อยู่นอกช่วง -180..180`);
  return value;
}

const TIME = /^(\d{1,3}):([0-5]\d):([0-5]\d)$/;

/** "H:MM:SS" or "HH:MM:SS" (hours may pass 24 for trips after midnight) → seconds after midnight of the service day. */
export function parseGtfsTime(raw: string): number | null {
  const match = TIME.exec(raw.trim());
  if (!match) return null;
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

export function optionalTime(fields: Fields, name: string): number | null {
  const raw = fields[name]?.trim();
  if (!raw) return null;
  const seconds = parseGtfsTime(raw);
  if (seconds === null)
    reject(`${name} "${raw}" is not a time HH:MM:SS`, `${name} "${raw}" ไม่ใช่เวลาแบบ HH:MM:SS`);
  return seconds;
}

export function requiredTime(fields: Fields, name: string): number {
  const seconds = optionalTime(fields, name);
  if (seconds === null) reject(`${name} is required`, `ต้องมีค่า ${name}`);
  return seconds!;
}

/** "YYYYMMDD" of a real calendar day → "YYYY-MM-DD", else null. */
export function parseGtfsDate(raw: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(raw.trim());
  if (!match) return null;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (
    date.getUTCFullYear() !== Number(y) ||
    date.getUTCMonth() !== Number(m) - 1 ||
    date.getUTCDate() !== Number(d)
  )
    return null;
  return `${y}-${m}-${d}`;
}

export function requiredDate(fields: Fields, name: string): string {
  const raw = requiredText(fields, name);
  const date = parseGtfsDate(raw);
  if (!date) reject(`${name} "${raw}" is not a date YYYYMMDD`, `${name} "${raw}" ไม่ใช่วันที่แบบ YYYYMMDD`);
  return date!;
}

/** Route colours are six hex digits without '#'; anything else is dropped rather than refusing the route. */
export function optionalColor(fields: Fields, name: string): string | null {
  const raw = fields[name]?.trim();
  return raw && /^[0-9A-Fa-f]{6}$/.test(raw) ? raw.toUpperCase() : null;
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
