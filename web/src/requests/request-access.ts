// What the signed-in user may do to a request, mirroring the server's workflow rules so that only usable buttons show
// (the server checks again and says why when it refuses).
import type { FootageRequest, FootageRequestStatus, Role } from '@toc/server/schemas';

export interface RequestUser {
  role: Role;
  username: string;
}

const STAFF: readonly Role[] = ['admin', 'operator'];
const WAITING: readonly FootageRequestStatus[] = ['submitted', 'in_review'];
const CLOSABLE: readonly FootageRequestStatus[] = [
  'submitted',
  'in_review',
  'approved',
  'rejected',
  'ready',
  'downloaded',
  'export_failed',
];

export const isStaff = (user: RequestUser): boolean => STAFF.includes(user.role);
const isRequester = (user: RequestUser, request: FootageRequest): boolean =>
  request.requester !== null && request.requester === user.username;

export interface RequestAccess {
  /** Pick the cameras (in the finder). */
  pick: boolean;
  review: boolean;
  /** Approve or reject: staff who neither asked for it nor typed it in. */
  decide: boolean;
  /** Staff may decide in general but not this one (four eyes): said instead of the buttons. */
  decideBlocked: boolean;
  retry: boolean;
  close: boolean;
  download: boolean;
  /** Attach the scanned form of a walk-in request that has none yet. */
  attachForm: boolean;
}

export function requestAccess(user: RequestUser, request: FootageRequest): RequestAccess {
  const staff = isStaff(user);
  const waiting = WAITING.includes(request.status);
  const ownRequest = isRequester(user, request) || request.enteredBy === user.username;
  return {
    pick: waiting && (staff || isRequester(user, request)),
    review: staff && request.status === 'submitted',
    decide: staff && waiting && !ownRequest,
    decideBlocked: staff && waiting && ownRequest,
    retry: staff && request.status === 'export_failed',
    close: user.role === 'admin' && CLOSABLE.includes(request.status),
    download:
      (request.status === 'ready' || request.status === 'downloaded') &&
      request.package !== null &&
      (user.role === 'admin' || isRequester(user, request)),
    attachForm: staff && request.kind === 'walk_in' && !request.hasForm,
  };
}
