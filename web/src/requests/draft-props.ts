// What each section of the request form gets: the draft, a way to change part of it, and its fields' problems.
import type { DraftProblems, RequestDraft } from './request-draft';

export interface DraftSectionProps {
  draft: RequestDraft;
  set: (part: Partial<RequestDraft>) => void;
  problems: DraftProblems;
}
