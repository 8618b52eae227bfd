// The status stepper of a request: its seven stages (submitted → in review → approved/rejected → exporting → ready →
// downloaded → closed), each done, current, failed, skipped or still to come, with when and by whom it was reached.
import type { FootageRequestStatus, RequestStep } from '@toc/server/schemas';

export const STAGES = [
  'submitted',
  'in_review',
  'decision',
  'exporting',
  'ready',
  'downloaded',
  'closed',
] as const;
export type Stage = (typeof STAGES)[number];

/** done: passed; current: where the request is; failed: the export broke here; skipped: passed over. */
export type StageState = 'done' | 'current' | 'failed' | 'skipped' | 'upcoming';

export interface StageView {
  stage: Stage;
  state: StageState;
  /** For the decision stage: the decision taken (or about to be shown), else the stage's own status. */
  status: FootageRequestStatus | 'decision';
  /** The history step that reached the stage (the latest, when an export was retried); null when never reached. */
  step: RequestStep | null;
}

const STAGE_OF: Record<FootageRequestStatus, Stage> = {
  submitted: 'submitted',
  in_review: 'in_review',
  approved: 'decision',
  rejected: 'decision',
  exporting: 'exporting',
  export_failed: 'exporting',
  ready: 'ready',
  downloaded: 'downloaded',
  closed: 'closed',
};

/** The stages a rejected request never goes through. */
const AFTER_APPROVAL: readonly Stage[] = ['exporting', 'ready', 'downloaded'];

/**
 * The latest step that moved the request into one of `statuses` (a step that left the status as it was, such as
 * choosing cameras or attaching the form, does not count).
 */
function reachedBy(steps: readonly RequestStep[], statuses: readonly string[]): RequestStep | null {
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i]!;
    const entered = i === 0 || steps[i - 1]!.status !== step.status;
    if (entered && statuses.includes(step.status)) return step;
  }
  return null;
}

const STAGE_STATUSES: Record<Stage, readonly FootageRequestStatus[]> = {
  submitted: ['submitted'],
  in_review: ['in_review'],
  decision: ['approved', 'rejected'],
  exporting: ['exporting'],
  ready: ['ready'],
  downloaded: ['downloaded'],
  closed: ['closed'],
};

export function stepperOf(status: FootageRequestStatus, steps: readonly RequestStep[]): StageView[] {
  const currentIndex = STAGES.indexOf(STAGE_OF[status]);
  const decision = reachedBy(steps, STAGE_STATUSES.decision);
  const rejected = status === 'rejected' || decision?.status === 'rejected';
  return STAGES.map((stage, index) => {
    // A failed export is shown at the moment it failed.
    const failedHere = stage === 'exporting' && status === 'export_failed';
    const step = reachedBy(steps, failedHere ? ['export_failed'] : STAGE_STATUSES[stage]);
    const shown: StageView['status'] =
      stage !== 'decision'
        ? STAGE_STATUSES[stage][0]!
        : status === 'approved' || status === 'rejected'
          ? status
          : ((decision?.status as FootageRequestStatus | undefined) ?? 'decision');
    let state: StageState;
    if (index === currentIndex) state = status === 'export_failed' ? 'failed' : 'current';
    else if (index < currentIndex) state = step ? 'done' : 'skipped';
    else state = rejected && AFTER_APPROVAL.includes(stage) ? 'skipped' : 'upcoming';
    return { stage, state, status: shown, step: index <= currentIndex ? step : null };
  });
}
