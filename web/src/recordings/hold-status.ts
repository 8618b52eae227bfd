// Where a hold stands: in force, expired (retention may delete again) or released by someone, with a reason.
import type { EvidenceHold } from '@toc/server/schemas';

export type HoldStatus = 'inForce' | 'expired' | 'released';

export function holdStatus(hold: Pick<EvidenceHold, 'releasedAt' | 'expiresAt'>, now: number): HoldStatus {
  if (hold.releasedAt !== null) return 'released';
  if (hold.expiresAt !== null && Date.parse(hold.expiresAt) <= now) return 'expired';
  return 'inForce';
}
