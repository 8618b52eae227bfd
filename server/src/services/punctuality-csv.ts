// The punctuality report as CSV for spreadsheets: one row per route, then per hour, then overall; headers in both languages.
import { stringify } from 'csv-stringify/sync';
import type { PunctualityFigures, PunctualityReport } from '../schemas';

const HEADER = [
  'group / กลุ่ม',
  'route / สาย',
  'hour (Bangkok) / ชั่วโมง',
  'stop calls / จำนวนการจอด',
  'on time % / ตรงเวลา %',
  'early % / ก่อนเวลา %',
  'late % / ล่าช้า %',
  'mean delay s / ล่าช้าเฉลี่ย (วินาที)',
  'median delay s / ค่ามัธยฐาน (วินาที)',
  'p90 delay s / เปอร์เซ็นไทล์ที่ 90 (วินาที)',
];

const figures = (f: PunctualityFigures) => [
  f.calls,
  f.onTimePct,
  f.earlyPct,
  f.latePct,
  f.meanDelayS,
  f.medianDelayS,
  f.p90DelayS,
];

export function punctualityCsv(report: PunctualityReport): string {
  const rows: (string | number)[][] = [
    ...report.routes.map((r) => ['route', r.shortName ?? r.routeId, '', ...figures(r)]),
    ...report.hours.map((h) => ['hour', '', h.hour, ...figures(h)]),
    ...(report.overall ? [['all', '', '', ...figures(report.overall)]] : []),
  ];
  // A byte-order mark so spreadsheet programs read the Thai headers as UTF-8.
  return `\uFEFF${stringify([HEADER, ...rows])}`;
}
