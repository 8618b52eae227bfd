// Package downloads: a personal link that expires, and the download itself, audited with user and address before a
// byte leaves; the first download moves the request to "downloaded".
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { withTransaction } from '../../db/transaction';
import { evidencePaths } from '../../evidence-config';
import { HttpError, notFound } from '../../lib/http-error';
import { openStoredZip, StoredZipError } from '../../lib/stored-zip';
import { findRequest, latestPackage, setStatus } from '../../repositories/footage-requests.repository';
import { insertAudit } from '../../repositories/audit.repository';
import type { DownloadLink } from '../../schemas';
import type { RequestContext } from './request-context';
import { announceChange, recordStep } from './request-steps';
import { mayAct, nextStatus } from './request-workflow';

interface LinkGrant {
  requestId: number;
  packageId: string;
  userId: number;
}

const linkKey = (prefix: string, token: string) => `${prefix}:evidence-download:${token}`;

const refuse = (refusal: { statusCode: number; message: string; messageTh: string }) =>
  new HttpError(refusal.statusCode, refusal.message, refusal.messageTh);

/** A link for the caller alone, working for EVIDENCE_DOWNLOAD_LINK_MIN minutes. */
export async function createDownloadLink(ctx: RequestContext, queuePrefix: string, id: number): Promise<DownloadLink> {
  const request = await findRequest(ctx.db, id);
  if (!request) throw notFound(`Footage request ${id}`, `คำขอหมายเลข ${id}`);
  const refusal = mayAct(ctx.user, request, 'download') ?? (() => {
    const next = nextStatus(request.status, 'download');
    return typeof next === 'string' ? null : next;
  })();
  if (refusal) throw refuse(refusal);
  const pkg = await latestPackage(ctx.db, id);
  if (!pkg) throw new HttpError(409, 'The package is not built yet', 'ชุดหลักฐานยังสร้างไม่เสร็จ');
  const token = randomBytes(24).toString('base64url');
  const seconds = Math.round(ctx.evidence.downloadLinkMinutes * 60);
  const grant: LinkGrant = { requestId: id, packageId: pkg.id, userId: ctx.user.id };
  await ctx.redis.set(linkKey(queuePrefix, token), JSON.stringify(grant), 'EX', seconds);
  return {
    url: `/api/evidence-downloads/${token}`,
    expiresAt: new Date(ctx.now.getTime() + seconds * 1000).toISOString(),
  };
}

export interface OpenedPackage {
  stream: Readable;
  bytes: number;
  fileName: string;
  sha256: string;
}

interface PackageBytes {
  bytes: number;
  sha256: string | null;
  stream: () => Readable;
}

/** The package's bytes: a stored zip (a folder), or a zip file as packages were kept before; null when missing. */
async function openPackageBytes(location: string): Promise<PackageBytes | null> {
  const info = await stat(location).catch(() => null);
  if (info?.isFile()) return { bytes: info.size, sha256: null, stream: () => createReadStream(location) };
  if (!info?.isDirectory()) return null;
  return openStoredZip(location).catch((error: unknown) => {
    if (error instanceof StoredZipError) return null;
    throw error;
  });
}

/** Opens the package a link grants, after writing the audit row (and the first download's step). */
export async function openDownload(ctx: RequestContext, queuePrefix: string, token: string): Promise<OpenedPackage> {
  const raw = await ctx.redis.get(linkKey(queuePrefix, token));
  if (!raw) {
    throw new HttpError(410, 'This download link has expired or is unknown; ask for a new one', 'ลิงก์ดาวน์โหลดหมดอายุหรือไม่ถูกต้อง กรุณาขอลิงก์ใหม่');
  }
  const grant = JSON.parse(raw) as LinkGrant;
  if (grant.userId !== ctx.user.id) {
    throw new HttpError(403, 'This download link was made for another user', 'ลิงก์ดาวน์โหลดนี้ออกให้ผู้ใช้อื่น');
  }
  const pkg = await latestPackage(ctx.db, grant.requestId);
  if (!pkg || pkg.id !== grant.packageId) {
    throw new HttpError(410, 'The package of this link was replaced; ask for a new link', 'ชุดหลักฐานของลิงก์นี้ถูกแทนที่แล้ว กรุณาขอลิงก์ใหม่');
  }
  const opened = await openPackageBytes(path.join(evidencePaths(ctx.evidence).packages, pkg.path));
  if (!opened || opened.bytes !== pkg.bytes || (opened.sha256 !== null && opened.sha256 !== pkg.sha256)) {
    throw new HttpError(410, 'The package file is missing or changed on the server; export it again', 'ไฟล์ชุดหลักฐานบนเซิร์ฟเวอร์หายหรือถูกเปลี่ยน กรุณาส่งออกใหม่');
  }
  const changed = await withTransaction(ctx.db, async (tx) => {
    const request = (await findRequest(tx, grant.requestId, true))!;
    const refusal = mayAct(ctx.user, request, 'download');
    if (refusal) throw refuse(refusal);
    const next = nextStatus(request.status, 'download');
    if (typeof next !== 'string') throw refuse(next);
    await insertAudit(tx, {
      userId: ctx.user.id,
      username: ctx.user.username,
      action: 'evidence-package.download',
      target: `footage-request:${request.id}`,
      detail: { reference: request.reference, packageId: pkg.id, sha256: pkg.sha256, bytes: pkg.bytes },
      ...ctx.client,
    });
    if (request.status === next) return null;
    await setStatus(tx, request.id, next, ctx.now);
    await recordStep(tx, { user: ctx.user, client: ctx.client, at: ctx.now }, {
      requestId: request.id,
      reference: request.reference,
      status: next,
      action: 'footage-request.downloaded',
    });
    return { ...request, status: next };
  });
  if (changed) {
    await announceChange(
      ctx,
      { id: changed.id, reference: changed.reference, station: changed.station, status: changed.status, exportProgress: 1 },
      { at: ctx.now },
    );
  }
  const request = (await findRequest(ctx.db, grant.requestId))!;
  return {
    stream: opened.stream(),
    bytes: pkg.bytes,
    fileName: `${request.reference}-evidence.zip`,
    sha256: pkg.sha256,
  };
}
