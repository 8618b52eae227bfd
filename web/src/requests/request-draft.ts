// The new-request form as typed: empty or pre-filled for a police officer, and checked field by field into the API's
// body (the server's own checks, said in the user's language before anything is sent).
import {
  MAX_REQUEST_WINDOW_H,
  type FootageRequestForm,
  type LonLat,
  type WalkInRequestForm,
} from '@toc/server/schemas';
import { bangkokLocalToIso } from './bangkok-datetime';

export interface RequestDraft {
  caseNumber: string;
  station: string;
  officerName: string;
  officerRank: string;
  officerId: string;
  officerPhone: string;
  legalBasis: string;
  reason: string;
  place: LonLat | null;
  placeLabel: string;
  /** Metres, as typed; empty for none. */
  placeRadiusM: string;
  /** datetime-local values, Bangkok time. */
  from: string;
  to: string;
  /** Walk-in only: the officer's police account, if they have one. */
  requesterUserId: string;
}

export type DraftField = keyof RequestDraft | 'formFile';

export type FieldProblem =
  | { code: 'required' | 'phone' | 'radius' | 'dateTime' | 'order' | 'future' | 'userId' | 'fileType' }
  | { code: 'tooShort' | 'tooLong' | 'windowTooLong'; n: number };

export type DraftProblems = Partial<Record<DraftField, FieldProblem>>;

/** The largest radius the server takes, in metres. */
export const MAX_RADIUS_M = 5000;
export const DEFAULT_RADIUS_M = '50';
/** A browser clock a little ahead of the server's may still ask for "up to now" (the server allows as much). */
const CLOCK_SLACK_MS = 5 * 60_000;

export interface Officer {
  station: string | null;
  displayName: string;
}

/** An empty form; a police officer's station (fixed: they file for their own) and name are filled in. */
export function emptyDraft(officer: Officer | null): RequestDraft {
  return {
    caseNumber: '',
    station: officer?.station ?? '',
    officerName: officer?.displayName ?? '',
    officerRank: '',
    officerId: '',
    officerPhone: '',
    legalBasis: '',
    reason: '',
    place: null,
    placeLabel: '',
    placeRadiusM: DEFAULT_RADIUS_M,
    from: '',
    to: '',
    requesterUserId: '',
  };
}

/** Text limits of FootageRequestForm: [fewest, most] characters after trimming. */
const TEXT_LIMITS = {
  caseNumber: [1, 100],
  station: [1, 200],
  officerName: [1, 200],
  officerRank: [1, 100],
  officerId: [1, 50],
  officerPhone: [6, 30],
  legalBasis: [3, 500],
  reason: [3, 2000],
} as const satisfies Partial<Record<keyof RequestDraft, readonly [number, number]>>;

type TextField = keyof typeof TEXT_LIMITS;
export const TEXT_FIELDS = Object.keys(TEXT_LIMITS) as TextField[];
export const maxLengthOf = (field: TextField): number => TEXT_LIMITS[field][1];

const PHONE = /^[0-9+()\- ]+$/;

function textProblem(field: TextField, value: string): FieldProblem | null {
  const [min, max] = TEXT_LIMITS[field];
  if (value === '') return { code: 'required' };
  if (field === 'officerPhone' && !PHONE.test(value)) return { code: 'phone' };
  if (value.length < min) return { code: 'tooShort', n: min };
  if (value.length > max) return { code: 'tooLong', n: max };
  return null;
}

export interface CheckedDraft {
  form: FootageRequestForm;
  requesterUserId: number | null;
}

/** The body to send, or every field that still needs attention. */
export function checkDraft(
  draft: RequestDraft,
  now: Date,
  walkIn: boolean,
): CheckedDraft | { problems: DraftProblems } {
  const problems: DraftProblems = {};
  const text = {} as Record<TextField, string>;
  for (const field of TEXT_FIELDS) {
    text[field] = draft[field].trim();
    const problem = textProblem(field, text[field]);
    if (problem) problems[field] = problem;
  }

  if (!draft.place) problems.place = { code: 'required' };
  const placeLabel = draft.placeLabel.trim();
  if (placeLabel.length > 300) problems.placeLabel = { code: 'tooLong', n: 300 };
  const radiusText = draft.placeRadiusM.trim();
  const radius = Number(radiusText);
  if (radiusText !== '' && !(Number.isFinite(radius) && radius > 0 && radius <= MAX_RADIUS_M)) {
    problems.placeRadiusM = { code: 'radius' };
  }

  const from = bangkokLocalToIso(draft.from);
  const to = bangkokLocalToIso(draft.to);
  if (!from) problems.from = { code: draft.from ? 'dateTime' : 'required' };
  if (!to) problems.to = { code: draft.to ? 'dateTime' : 'required' };
  if (from && Date.parse(from) > now.getTime() + CLOCK_SLACK_MS) problems.from = { code: 'future' };
  if (from && to && !problems.from) {
    const span = Date.parse(to) - Date.parse(from);
    if (span <= 0) problems.to = { code: 'order' };
    else if (span > MAX_REQUEST_WINDOW_H * 3_600_000)
      problems.to = { code: 'windowTooLong', n: MAX_REQUEST_WINDOW_H };
  }

  let requesterUserId: number | null = null;
  if (walkIn && draft.requesterUserId.trim() !== '') {
    requesterUserId = Number(draft.requesterUserId.trim());
    if (!(Number.isInteger(requesterUserId) && requesterUserId > 0 && requesterUserId <= 2_147_483_647)) {
      problems.requesterUserId = { code: 'userId' };
    }
  }

  if (Object.keys(problems).length > 0 || !draft.place || !from || !to) return { problems };
  const form: FootageRequestForm = { ...text, place: draft.place, from, to };
  if (placeLabel) form.placeLabel = placeLabel;
  if (radiusText !== '') form.placeRadiusM = radius;
  return { form, requesterUserId };
}

/** The walk-in body: the form and, when given, the officer's account. */
export function walkInBody(checked: CheckedDraft): WalkInRequestForm {
  return checked.requesterUserId === null
    ? checked.form
    : { ...checked.form, requesterUserId: checked.requesterUserId };
}
