// Checks a camera's zones and counting lines for geometry and settings that would make analytics misbehave.
import type { CameraSceneInput, CountingLineInput, ZoneInput } from '../schemas';
import { pointOnSegment, segmentsIntersect, signedArea, type Point } from './plane';

export interface SceneError {
  /** Where the problem is, e.g. `zones/2/polygon` (indices start at 0). */
  path: string;
  reason: string;
  reasonTh: string;
}

export type SceneValidation = { ok: true } | { ok: false; errors: SceneError[] };

/** Smallest zone, as a fraction of the image: below this a zone is a sliver no detection can land in. */
export const MIN_ZONE_AREA = 1e-4;
/** Shortest counting line in image fractions (≈ 19 px at 1920 wide): shorter lines miss most crossings. */
export const MIN_LINE_LENGTH = 0.01;
/** Points closer than this (image fractions) are the same point. */
const SAME_POINT = 1e-6;
const MIN_DIRECTION = 1e-6;

/** Human-facing point and edge numbers start at 1; paths keep 0-based indices. */
const num = (i: number) => i + 1;

function inImage(p: readonly number[]): boolean {
  return p.length === 2 && p.every((v) => Number.isFinite(v) && v >= 0 && v <= 1);
}

/** The single most useful thing wrong with a polygon, or null if it is a usable simple polygon. */
function polygonProblem(ring: readonly Point[]): Omit<SceneError, 'path'> | null {
  const outside = ring.findIndex((p) => !inImage(p));
  if (outside >= 0) {
    return { reason: `Point ${num(outside)} is outside the image`, reasonTh: `จุดที่ ${num(outside)} อยู่นอกภาพ` };
  }
  const distinct: Point[] = [];
  for (const p of ring)
    if (!distinct.some((q) => Math.hypot(p[0] - q[0], p[1] - q[1]) < SAME_POINT)) distinct.push(p);
  if (distinct.length < 3) {
    return { reason: 'A zone needs at least 3 different points', reasonTh: 'โซนต้องมีจุดที่ไม่ซ้ำกันอย่างน้อย 3 จุด' };
  }
  for (let i = 0; i < ring.length; i++) {
    for (let j = i + 1; j < ring.length; j++) {
      if (Math.hypot(ring[i]![0] - ring[j]![0], ring[i]![1] - ring[j]![1]) < SAME_POINT) {
        return {
          reason: `Points ${num(i)} and ${num(j)} are the same`,
          reasonTh: `จุดที่ ${num(i)} และ ${num(j)} เป็นจุดเดียวกัน`,
        };
      }
    }
  }

  // Edge k runs from point k to point k+1 (the last one closes the ring back to point 1).
  const n = ring.length;
  const edge = (k: number): [Point, Point] => [ring[k]!, ring[(k + 1) % n]!];
  const crossing = (a: number, b: number) => ({
    reason: `The outline crosses itself (edges ${num(a)} and ${num(b)})`,
    reasonTh: `เส้นขอบโซนตัดกันเอง (ขอบที่ ${num(a)} และ ${num(b)})`,
  });
  for (let i = 0; i < n; i++) {
    // Neighbouring edges share a point; they only overlap if the outline doubles back on itself there.
    const j = (i + 1) % n;
    const [a, b] = edge(i);
    const [, c] = edge(j);
    if (n > 3 && (pointOnSegment(c, a, b) || pointOnSegment(a, b, c))) return crossing(i, j);
    for (let k = i + 2; k < n; k++) {
      if (i === 0 && k === n - 1) continue; // the closing edge neighbours the first
      const [p, q] = edge(k);
      if (segmentsIntersect(a, b, p, q)) return crossing(i, k);
    }
  }

  if (Math.abs(signedArea(ring)) <= MIN_ZONE_AREA) {
    return { reason: 'The zone has (almost) no area', reasonTh: 'โซนมีพื้นที่น้อยเกินไปหรือเป็นศูนย์' };
  }
  return null;
}

function validateZone(zone: ZoneInput, at: string, errors: SceneError[]): void {
  const problem = polygonProblem(zone.polygon);
  if (problem) errors.push({ path: `${at}/polygon`, ...problem });

  if (zone.kind === 'roadway') {
    const d = zone.direction;
    if (!d) {
      errors.push({
        path: `${at}/direction`,
        reason: 'A roadway zone needs a traffic direction',
        reasonTh: 'โซนถนนต้องกำหนดทิศทางการจราจร',
      });
    } else if (!(Number.isFinite(d[0]) && Number.isFinite(d[1]) && Math.hypot(d[0], d[1]) > MIN_DIRECTION)) {
      errors.push({
        path: `${at}/direction`,
        reason: 'The traffic direction has no length',
        reasonTh: 'ทิศทางการจราจรต้องมีความยาวมากกว่าศูนย์',
      });
    }
  } else if (zone.direction !== undefined) {
    errors.push({
      path: `${at}/direction`,
      reason: 'Only roadway zones have a traffic direction',
      reasonTh: 'กำหนดทิศทางการจราจรได้เฉพาะโซนถนนเท่านั้น',
    });
  }

  if (zone.kind === 'crowd_area') {
    const { alertAbove, clearBelow } = zone;
    if (alertAbove === undefined || !(alertAbove > 0) || !Number.isFinite(alertAbove)) {
      errors.push({
        path: `${at}/alertAbove`,
        reason: 'A crowd area needs an alert threshold above 0',
        reasonTh: 'พื้นที่ชุมนุมต้องกำหนดเกณฑ์แจ้งเตือนที่มากกว่า 0',
      });
    }
    if (clearBelow === undefined || !(clearBelow >= 0) || !Number.isFinite(clearBelow)) {
      errors.push({
        path: `${at}/clearBelow`,
        reason: 'A crowd area needs a clear threshold of 0 or more',
        reasonTh: 'พื้นที่ชุมนุมต้องกำหนดเกณฑ์ยกเลิกการแจ้งเตือนตั้งแต่ 0 ขึ้นไป',
      });
    } else if (alertAbove !== undefined && alertAbove > 0 && !(clearBelow < alertAbove)) {
      // A gap between the two stops the alert flapping when the count hovers around one value.
      errors.push({
        path: `${at}/clearBelow`,
        reason: 'The clear threshold must be below the alert threshold',
        reasonTh: 'เกณฑ์ยกเลิกการแจ้งเตือนต้องต่ำกว่าเกณฑ์แจ้งเตือน',
      });
    }
  } else {
    for (const key of ['alertAbove', 'clearBelow'] as const) {
      if (zone[key] !== undefined) {
        errors.push({
          path: `${at}/${key}`,
          reason: 'Only crowd areas have alert thresholds',
          reasonTh: 'กำหนดเกณฑ์แจ้งเตือนได้เฉพาะพื้นที่ชุมนุมเท่านั้น',
        });
      }
    }
  }
}

function validateLine(line: CountingLineInput, at: string, errors: SceneError[]): void {
  const [a, b] = line.points;
  if (!inImage(a) || !inImage(b)) {
    errors.push({
      path: `${at}/points`,
      reason: 'A line end is outside the image',
      reasonTh: 'ปลายเส้นนับอยู่นอกภาพ',
    });
  } else if (!(Math.hypot(b[0] - a[0], b[1] - a[1]) > MIN_LINE_LENGTH)) {
    errors.push({
      path: `${at}/points`,
      reason: 'The counting line is too short; its two ends must be apart',
      reasonTh: 'เส้นนับสั้นเกินไป ปลายทั้งสองข้างต้องอยู่ห่างกัน',
    });
  }
}

/** Names compare without surrounding spaces or case, so "Gate A" and "gate a " count as the same. */
function checkUniqueNames(
  items: readonly { name: string; nameTh: string }[],
  prefix: string,
  what: string,
  whatTh: string,
  errors: SceneError[],
): void {
  for (const key of ['name', 'nameTh'] as const) {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const normalised = item[key].trim().toLocaleLowerCase();
      if (!normalised) {
        errors.push({ path: `${prefix}/${i}/${key}`, reason: 'The name is empty', reasonTh: 'ชื่อว่างเปล่า' });
        return;
      }
      const first = seen.get(normalised);
      if (first === undefined) {
        seen.set(normalised, i);
        return;
      }
      errors.push({
        path: `${prefix}/${i}/${key}`,
        reason: `Another ${what} (number ${num(first)}) already has this name`,
        reasonTh: `ชื่อนี้ซ้ำกับ${whatTh}ลำดับที่ ${num(first)}`,
      });
    });
  }
}

/** All problems with a camera's zones and lines, each with a path, or ok. */
export function validateScene(input: CameraSceneInput): SceneValidation {
  const errors: SceneError[] = [];
  input.zones.forEach((zone, i) => validateZone(zone, `zones/${i}`, errors));
  input.lines.forEach((line, i) => validateLine(line, `lines/${i}`, errors));
  checkUniqueNames(input.zones, 'zones', 'zone', 'โซน', errors);
  checkUniqueNames(input.lines, 'lines', 'line', 'เส้นนับ', errors);
  return errors.length ? { ok: false, errors } : { ok: true };
}
