// Titles and one-line summaries of bus alarms in English and Thai, and the event each alarm becomes.
import type { NewEvent, Severity } from '@toc/server/schemas';
import type { AlertAction, BusAlertType } from './bus-alerts';

export interface BusContext {
  label: string;
  routeId: string | null;
  routeName: string | null;
  feedId: number | null;
  tripId: string | null;
}

export const BUS_ALERT_TITLES: Record<BusAlertType, { en: string; th: string }> = {
  'bus.off_route': { en: 'Bus off its route', th: 'รถโดยสารออกนอกเส้นทาง' },
  'bus.overspeed': { en: 'Bus over the speed limit', th: 'รถโดยสารขับเร็วเกินกำหนด' },
  'bus.bunching': { en: 'Buses bunching', th: 'รถโดยสารวิ่งติดกันเป็นกลุ่ม' },
  'bus.gap': { en: 'Long gap between buses', th: 'รถโดยสารเว้นช่วงห่างเกินไป' },
  'bus.stale': { en: 'Bus GPS silent', th: 'รถโดยสารขาดการส่งสัญญาณ GPS' },
};

const SEVERITY: Record<BusAlertType, Severity> = {
  'bus.off_route': 'medium',
  'bus.overspeed': 'high',
  'bus.bunching': 'low',
  'bus.gap': 'medium',
  'bus.stale': 'low',
};

const minutes = (s: unknown) => Math.max(1, Math.round(Number(s) / 60));

function summary(a: AlertAction, bus: BusContext): { en: string; th: string } {
  const route = bus.routeName
    ? { en: ` (route ${bus.routeName})`, th: ` (สาย ${bus.routeName})` }
    : { en: '', th: '' };
  const en = `Bus ${bus.label}${route.en}`;
  const th = `รถ ${bus.label}${route.th}`;
  const d = a.detail;
  switch (a.type) {
    case 'bus.off_route':
      return d.offsetM === null
        ? { en: `${en} left its route`, th: `${th} ออกนอกเส้นทาง` }
        : { en: `${en} is ${d.offsetM} m off its route`, th: `${th} อยู่ห่างจากเส้นทาง ${d.offsetM} เมตร` };
    case 'bus.overspeed':
      return {
        en: `${en} at ${d.maxSpeedKmh} km/h (limit ${d.limitKmh})`,
        th: `${th} ขับ ${d.maxSpeedKmh} กม./ชม. (จำกัด ${d.limitKmh})`,
      };
    case 'bus.bunching':
      return {
        en: `${en} ${minutes(d.headwayS)} min behind the bus ahead (timetable ${minutes(d.scheduledHeadwayS)} min)`,
        th: `${th} ตามคันหน้าเพียง ${minutes(d.headwayS)} นาที (ตามตาราง ${minutes(d.scheduledHeadwayS)} นาที)`,
      };
    case 'bus.gap':
      // Before the bus reaches the stop the gap is still growing: say "at least".
      return d.measured === 'so_far'
        ? {
            en: `${en} at least ${minutes(d.headwayS)} min behind the bus ahead (timetable ${minutes(d.scheduledHeadwayS)} min)`,
            th: `${th} ห่างจากคันหน้าแล้วอย่างน้อย ${minutes(d.headwayS)} นาที (ตามตาราง ${minutes(d.scheduledHeadwayS)} นาที)`,
          }
        : {
            en: `${en} ${minutes(d.headwayS)} min behind the bus ahead (timetable ${minutes(d.scheduledHeadwayS)} min)`,
            th: `${th} ห่างจากคันหน้า ${minutes(d.headwayS)} นาที (ตามตาราง ${minutes(d.scheduledHeadwayS)} นาที)`,
          };
    case 'bus.stale':
      return {
        en: `${en} sent no position for ${minutes(d.silentS)} min`,
        th: `${th} ไม่ส่งตำแหน่งมา ${minutes(d.silentS)} นาที`,
      };
    default:
      return { en, th };
  }
}

export function busEventPayload(a: AlertAction, bus: BusContext): Record<string, unknown> {
  return {
    title: BUS_ALERT_TITLES[a.type],
    summary: summary(a, bus),
    vehicleId: a.vehicleId,
    vehicleLabel: bus.label,
    feedId: bus.feedId,
    routeId: bus.routeId,
    routeName: bus.routeName,
    tripId: bus.tripId,
    ...a.detail,
  };
}

export function busEvent(a: AlertAction, bus: BusContext): NewEvent {
  return {
    type: a.type,
    severity: SEVERITY[a.type],
    location: { lon: a.lon, lat: a.lat },
    cameraId: null,
    startedAt: new Date(a.atMs).toISOString(),
    confidence: null,
    modelId: null,
    payload: busEventPayload(a, bus),
  };
}
