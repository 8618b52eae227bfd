// The footage-request workflow as pure rules: which step each action takes from which state, and who may take it.
import type { FootageRequestStatus, Role } from '../../schemas';

export type RequestAction =
  | 'review'
  | 'choose-cameras'
  | 'approve'
  | 'reject'
  | 'export-start'
  | 'export-done'
  | 'export-fail'
  | 'retry-export'
  | 'download'
  | 'close';

export interface Refusal {
  statusCode: 403 | 409;
  message: string;
  messageTh: string;
}

const WAITING: readonly FootageRequestStatus[] = ['submitted', 'in_review'];

/** From which states an action may be taken, and where it leads (null: the state does not change). */
const STEPS: Record<RequestAction, { from: readonly FootageRequestStatus[]; to: FootageRequestStatus | null }> = {
  review: { from: ['submitted'], to: 'in_review' },
  'choose-cameras': { from: WAITING, to: null },
  approve: { from: WAITING, to: 'approved' },
  reject: { from: WAITING, to: 'rejected' },
  'export-start': { from: ['approved', 'export_failed'], to: 'exporting' },
  'export-done': { from: ['exporting'], to: 'ready' },
  'export-fail': { from: ['exporting'], to: 'export_failed' },
  'retry-export': { from: ['export_failed'], to: 'approved' },
  download: { from: ['ready', 'downloaded'], to: 'downloaded' },
  close: { from: ['submitted', 'in_review', 'approved', 'rejected', 'ready', 'downloaded', 'export_failed'], to: 'closed' },
};

export const STATUS_LABELS: Record<FootageRequestStatus, { en: string; th: string }> = {
  submitted: { en: 'submitted', th: 'ยื่นคำขอแล้ว' },
  in_review: { en: 'in review', th: 'กำลังพิจารณา' },
  approved: { en: 'approved', th: 'อนุมัติแล้ว' },
  rejected: { en: 'rejected', th: 'ไม่อนุมัติ' },
  exporting: { en: 'exporting', th: 'กำลังส่งออกภาพ' },
  ready: { en: 'ready to download', th: 'พร้อมดาวน์โหลด' },
  downloaded: { en: 'downloaded', th: 'ดาวน์โหลดแล้ว' },
  closed: { en: 'closed', th: 'ปิดเรื่องแล้ว' },
  export_failed: { en: 'export failed', th: 'ส่งออกไม่สำเร็จ' },
};

/** The state an action leads to from `current`, or why it cannot be taken now. */
export function nextStatus(current: FootageRequestStatus, action: RequestAction): FootageRequestStatus | Refusal {
  const step = STEPS[action];
  if (!step.from.includes(current)) {
    const label = STATUS_LABELS[current];
    return {
      statusCode: 409,
      message: `This cannot be done to a request that is ${label.en}`,
      messageTh: `ทำรายการนี้ไม่ได้ เนื่องจากคำขออยู่ในสถานะ "${label.th}"`,
    };
  }
  return step.to ?? current;
}

export interface Actor {
  id: number;
  role: Role;
  station: string | null;
}

export interface RequestParties {
  station: string;
  requesterId: number | null;
  enteredById: number;
}

const STAFF: readonly Role[] = ['admin', 'operator'];
const forbidden = (message: string, messageTh: string): Refusal => ({ statusCode: 403, message, messageTh });

/** A police user belongs to the request's station; staff see every request. */
export function maySee(actor: Actor, request: RequestParties): boolean {
  if (STAFF.includes(actor.role)) return true;
  return actor.role === 'police' && actor.station !== null && actor.station === request.station;
}

/** Whether `actor` may take `action` on the request; null when allowed. System steps are not for people. */
export function mayAct(actor: Actor, request: RequestParties, action: RequestAction): Refusal | null {
  if (!maySee(actor, request)) {
    return forbidden('This request belongs to another police station', 'คำขอนี้เป็นของสถานีตำรวจอื่น');
  }
  const staff = STAFF.includes(actor.role);
  switch (action) {
    case 'choose-cameras':
      return staff || actor.id === request.requesterId
        ? null
        : forbidden('Only the requester or a reviewer picks the cameras', 'เฉพาะผู้ขอหรือผู้พิจารณาที่เลือกกล้องได้');
    case 'download':
      // The package goes to the officer who asked for it; an admin hands it over for a walk-in without an account.
      return actor.role === 'admin' || actor.id === request.requesterId
        ? null
        : forbidden('Only the requesting officer or an admin downloads the package', 'เฉพาะเจ้าหน้าที่ผู้ขอหรือผู้ดูแลระบบที่ดาวน์โหลดชุดหลักฐานได้');
    case 'review':
    case 'retry-export':
      return staff ? null : forbidden('Only control-room staff review requests', 'เฉพาะเจ้าหน้าที่ศูนย์ควบคุมที่พิจารณาคำขอได้');
    case 'approve':
    case 'reject':
      if (!staff) return forbidden('Only control-room staff decide requests', 'เฉพาะเจ้าหน้าที่ศูนย์ควบคุมที่อนุมัติคำขอได้');
      // Four eyes: whoever asked for the footage, or typed the request in, does not also release it.
      if (actor.id === request.requesterId || actor.id === request.enteredById) {
        return forbidden(
          'The approver may not be the requester or the person who entered the request',
          'ผู้อนุมัติต้องไม่ใช่ผู้ขอหรือผู้บันทึกคำขอ',
        );
      }
      return null;
    case 'close':
      return actor.role === 'admin'
        ? null
        : forbidden('Only an admin closes a request (it releases its evidence holds)', 'เฉพาะผู้ดูแลระบบที่ปิดเรื่องได้ (การปิดเรื่องจะยกเลิกการระงับการลบ)');
    case 'export-start':
    case 'export-done':
    case 'export-fail':
      return forbidden('Export steps are taken by the export job', 'ขั้นตอนการส่งออกทำโดยระบบเท่านั้น');
  }
}
