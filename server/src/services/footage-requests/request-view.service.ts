// Reading requests: one in full (cameras, steps, package, overdue flag) or a list, police limited to their station.
import type { Queryable } from '../../db/pool';
import { notFound } from '../../lib/http-error';
import {
  findRequest,
  latestPackage,
  listRequestCameras,
  listRequests,
  listSteps,
  type StoredRequest,
} from '../../repositories/footage-requests.repository';
import type { FootageRequest, FootageRequestQuery, SessionUser } from '../../schemas';
import { maySee } from './request-workflow';

export interface ViewContext {
  db: Queryable;
  user: SessionUser;
  now: Date;
  overdueHours: number;
}

const isOverdue = (request: StoredRequest, now: Date, overdueHours: number): boolean =>
  (request.status === 'submitted' || request.status === 'in_review') &&
  now.getTime() - Date.parse(request.createdAt) > overdueHours * 3600_000;

async function complete(ctx: ViewContext, request: StoredRequest): Promise<FootageRequest> {
  const { requesterId: _requesterId, enteredById: _enteredById, ...shown } = request;
  const pkg = await latestPackage(ctx.db, request.id);
  return {
    ...shown,
    overdue: isOverdue(request, ctx.now, ctx.overdueHours),
    cameras: await listRequestCameras(ctx.db, request.id),
    steps: await listSteps(ctx.db, request.id),
    package: pkg ? { id: pkg.id, bytes: pkg.bytes, sha256: pkg.sha256, manifestSha256: pkg.manifestSha256, keyFingerprint: pkg.keyFingerprint, createdAt: pkg.createdAt } : null,
  };
}

/** The request if the caller may see it; another station's request is "not found" (its existence is not told). */
export async function getRequest(ctx: ViewContext, id: number): Promise<FootageRequest> {
  const request = await findRequest(ctx.db, id);
  if (!request || !maySee(ctx.user, request)) throw notFound(`Footage request ${id}`, `คำขอหมายเลข ${id}`);
  return complete(ctx, request);
}

export async function listVisibleRequests(ctx: ViewContext, query: FootageRequestQuery): Promise<FootageRequest[]> {
  const station = ctx.user.role === 'police' ? (ctx.user.station ?? '\u0000') : null;
  const requests = await listRequests(ctx.db, { station, status: query.status, open: query.open, limit: query.limit });
  return Promise.all(requests.map((request) => complete(ctx, request)));
}
