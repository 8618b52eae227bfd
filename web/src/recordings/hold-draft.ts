// The new-hold form: Bangkok dates and times to the API's body, the "last minutes" presets, and what is missing.
// The order of the ends, the future and the reason's length are the server's checks (its reason is shown).
import type { EvidenceHoldInput } from '@toc/server/schemas';
import { fromBangkokInputs, toBangkokInputs } from '../buses/bangkok-time';

export interface HoldDraft {
  cameraId: string;
  fromDate: string;
  fromTime: string;
  toDate: string;
  toTime: string;
  reason: string;
  caseNumber: string;
  expiresDate: string;
  expiresTime: string;
}

export type HoldProblem = 'camera' | 'period' | 'expires' | 'reason';

export const emptyHoldDraft = (cameraId: number | null): HoldDraft => ({
  cameraId: cameraId === null ? '' : String(cameraId),
  fromDate: '',
  fromTime: '',
  toDate: '',
  toTime: '',
  reason: '',
  caseNumber: '',
  expiresDate: '',
  expiresTime: '',
});

/**
 * The period from `minutes` before the last whole minute up to it, as Bangkok inputs: the time inputs take minutes,
 * and a "to" rounded down never lies in the server's future.
 */
export function lastMinutes(
  now: Date,
  minutes: number,
): Pick<HoldDraft, 'fromDate' | 'fromTime' | 'toDate' | 'toTime'> {
  const to = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const from = toBangkokInputs(new Date(to.getTime() - minutes * 60_000));
  const end = toBangkokInputs(to);
  return { fromDate: from.date, fromTime: from.time, toDate: end.date, toTime: end.time };
}

/** The body to post, or the first thing the form still needs. */
export function holdInputOf(draft: HoldDraft): EvidenceHoldInput | HoldProblem {
  const cameraId = Number(draft.cameraId);
  if (!(Number.isInteger(cameraId) && cameraId > 0)) return 'camera';
  const from = fromBangkokInputs(draft.fromDate, draft.fromTime);
  const to = fromBangkokInputs(draft.toDate, draft.toTime);
  if (!from || !to) return 'period';
  const reason = draft.reason.trim();
  if (reason === '') return 'reason';
  const input: EvidenceHoldInput = { cameraId, from: from.toISOString(), to: to.toISOString(), reason };
  const caseNumber = draft.caseNumber.trim();
  if (caseNumber) input.caseNumber = caseNumber;
  if (draft.expiresDate || draft.expiresTime) {
    const expires = fromBangkokInputs(draft.expiresDate, draft.expiresTime);
    if (!expires) return 'expires';
    input.expiresAt = expires.toISOString();
  }
  return input;
}
