// Thai and English words for the manifest's codes (request steps, kinds, file roles) and for sizes, in the letter.
import type { FileRole, Manifest } from '@toc/verifier/manifest';

export interface Bilingual {
  th: string;
  en: string;
}

const STEPS: Record<string, Bilingual> = {
  submitted: { th: 'ยื่นคำขอ', en: 'Submitted' },
  in_review: { th: 'อยู่ระหว่างพิจารณา', en: 'In review' },
  approved: { th: 'อนุมัติ', en: 'Approved' },
  rejected: { th: 'ไม่อนุมัติ', en: 'Rejected' },
  exporting: { th: 'กำลังจัดทำแพ็กเกจ', en: 'Exporting' },
  ready: { th: 'แพ็กเกจพร้อมส่งมอบ', en: 'Package ready' },
  downloaded: { th: 'ดาวน์โหลดแล้ว', en: 'Downloaded' },
  closed: { th: 'ปิดคำขอ', en: 'Closed' },
  export_failed: { th: 'จัดทำแพ็กเกจไม่สำเร็จ', en: 'Export failed' },
};

const KINDS: Record<Manifest['request']['kind'], Bilingual> = {
  online: { th: 'ยื่นทางออนไลน์', en: 'Filed online' },
  walk_in: { th: 'ยื่นด้วยตนเอง (แบบฟอร์มกระดาษ)', en: 'Walk-in (paper form)' },
};

const ROLES: Record<FileRole, Bilingual> = {
  master: { th: 'ต้นฉบับ', en: 'Master' },
  'working-copy': { th: 'สำเนาใช้งาน', en: 'Working copy' },
  attachment: { th: 'เอกสารแนบ', en: 'Attachment' },
};

/** A status the letter does not know (a newer server) shows as written in both languages. */
export const stepLabel = (status: string): Bilingual => STEPS[status] ?? { th: status, en: status };
export const kindLabel = (kind: string): Bilingual =>
  KINDS[kind as keyof typeof KINDS] ?? { th: kind, en: kind };
export const roleLabel = (role: string): Bilingual => ROLES[role as FileRole] ?? { th: role, en: role };

const grouped = new Intl.NumberFormat('en-US');

/** e.g. "52,428,800 B (50.0 MiB)": the exact count a checker compares, and a readable one. */
export function formatBytes(bytes: number): string {
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = '';
  for (const next of units) {
    if (value < 1024) break;
    value /= 1024;
    unit = next;
  }
  return unit ? `${grouped.format(bytes)} B (${value.toFixed(1)} ${unit})` : `${grouped.format(bytes)} B`;
}

/** Latitude, longitude with 6 decimals (about 0.1 m), the order maps and GPS units show. */
export const formatLatLon = (p: { lon: number; lat: number }): string =>
  `${p.lat.toFixed(6)}, ${p.lon.toFixed(6)}`;
