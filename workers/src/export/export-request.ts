// Exports one approved footage request: per camera the window cut from its recorded segments (checked against their
// recorded hashes, stream copy), optional working copies, the paper form, then the signed package with its letter.
import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import pLimit from 'p-limit';
import { evidencePaths } from '@toc/server/evidence-config';
import { findCamera } from '@toc/server/repositories/cameras.repository';
import { findCalibration } from '@toc/server/repositories/scene.repository';
import {
  listExportSegments,
  findNamedUser,
  findDeciderId,
} from '@toc/server/repositories/evidence-export.repository';
import {
  findForm,
  listRequestCameras,
  listSteps,
  type StoredRequest,
} from '@toc/server/repositories/footage-requests.repository';
import { listGaps } from '@toc/server/repositories/recording-timeline.repository';
import { PACKAGE_FORMAT, type Manifest, type PackageCamera, type PackageGap } from '@toc/verifier/manifest';
import { cutClip, ClipCutError } from './clip-cut';
import type { ExportContext } from './export-context';
import { failExport, finishExport, reportProgress, startExport } from './export-steps';
import { writeEvidencePackage, type PackageContentFile, type UnsignedManifest } from './package-writer';
import { checkSegments, SegmentChangedError, timeSegments } from './segment-check';
import { verifyReadme } from './verify-readme';
import { makeWorkingCopy } from './working-copy';

/** Share of the progress bar the cuts take; the rest is hashing and zipping. */
const CUT_SHARE = 0.7;
/** Cameras of one request exported at once (one ffmpeg and one hashing read each). */
const CAMERAS_AT_ONCE = Math.max(2, availableParallelism());
/** Progress is written and announced at most this often, or when it has moved by a step (a fast export shows some). */
const PROGRESS_EVERY_MS = 1000;
const PROGRESS_STEP = 0.1;

/** `Bang Pakong Bridge` → `bang-pakong-bridge`, for file names inside the package. */
const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'camera';

const FAILURE_REASON = (error: unknown): { message: string; messageTh: string } => {
  if (error instanceof ClipCutError || error instanceof SegmentChangedError) {
    return { message: error.message, messageTh: error.messageTh };
  }
  return {
    message: `The export stopped: ${(error as Error).message}`,
    messageTh: 'การส่งออกหยุดกลางคันเนื่องจากข้อผิดพลาดของระบบ กรุณาลองใหม่หรือแจ้งผู้ดูแลระบบ',
  };
};

/** The gap index's reasons for the parts of the window with no footage (or "not_recorded" when none is on record). */
async function reasonedGaps(
  ctx: ExportContext,
  cameraId: number,
  holes: readonly { from: Date; to: Date }[],
): Promise<PackageGap[]> {
  const gaps: PackageGap[] = [];
  for (const hole of holes) {
    const known = await listGaps(ctx.db, { cameraId, from: hole.from, to: hole.to });
    const reasons = [...new Set(known.map((g) => g.reason))];
    gaps.push({
      from: hole.from.toISOString(),
      to: hole.to.toISOString(),
      reason: reasons.join(', ') || 'not_recorded',
    });
  }
  return gaps;
}

interface CameraExport {
  camera: PackageCamera;
  files: PackageContentFile[];
  clockSource: string | null;
}

async function exportCamera(
  ctx: ExportContext,
  chosen: { cameraId: number; from: string; to: string },
  run: { work: string; signal: AbortSignal },
  onProgress: (fraction: number) => void,
): Promise<CameraExport> {
  const window = { from: new Date(chosen.from), to: new Date(chosen.to) };
  const camera = await findCamera(ctx.db, chosen.cameraId);
  const calibration = await findCalibration(ctx.db, chosen.cameraId);
  const name = camera?.name ?? `Camera ${chosen.cameraId}`;
  const nameTh = camera?.nameTh ?? `กล้อง ${chosen.cameraId}`;
  const rows = await listExportSegments(ctx.db, { cameraId: chosen.cameraId, ...window });
  const indexed = rows.map((row) => ({ ...row, absPath: path.join(ctx.recordingsDir, row.path) }));
  const base: Omit<PackageCamera, 'covered' | 'gaps' | 'segments' | 'files' | 'cut'> = {
    id: chosen.cameraId,
    name,
    nameTh,
    position: camera?.location ?? { lon: 0, lat: 0 },
    headingDeg: camera?.headingDeg ?? 0,
    fovDeg: camera?.fovDeg ?? 0,
    calibration: calibration
      ? {
          homography: calibration.homography,
          origin: calibration.origin,
          meanErrorM: calibration.error.meanM,
        }
      : null,
    window: { from: chosen.from, to: chosen.to },
  };
  if (!indexed.length) {
    onProgress(1);
    return {
      camera: {
        ...base,
        covered: null,
        gaps: await reasonedGaps(ctx, chosen.cameraId, [window]),
        segments: [],
        files: [],
        cut: null,
      },
      files: [],
      clockSource: null,
    };
  }
  const segments = await timeSegments(indexed);
  const entry = `video/camera-${chosen.cameraId}-${slug(name)}.mp4`;
  const master = path.join(run.work, entry);
  await mkdir(path.dirname(master), { recursive: true });
  // The hashes are checked while the window is cut (both read the same files): a segment that fails its check stops
  // the cut with that reason, and no master goes into the package before its segments passed.
  const failedCheck = new AbortController();
  const checkStarted = performance.now();
  const checked = checkSegments(indexed).then(
    () =>
      ctx.log('info', 'segments checked', {
        cameraId: chosen.cameraId,
        segments: segments.length,
        timedFromFragments: segments.filter((s) => s.timing).length,
        ms: Math.round(performance.now() - checkStarted),
      }),
    (error: unknown) => {
      failedCheck.abort(error);
      throw error;
    },
  );
  const [, cut] = await Promise.all([
    checked,
    cutClip({
      segments,
      window,
      outPath: master,
      workDir: run.work,
      signal: AbortSignal.any([run.signal, failedCheck.signal]),
      onProgress: (fraction) => onProgress(ctx.workingCopies ? fraction / 2 : fraction),
    }),
  ]);
  const files: PackageContentFile[] = [
    {
      path: entry,
      sourcePath: master,
      owned: true,
      role: 'master',
      mediaType: 'video/mp4',
      cameraId: chosen.cameraId,
    },
  ];
  if (ctx.workingCopies) {
    const copyEntry = `working/camera-${chosen.cameraId}-${slug(name)}-labelled.mp4`;
    const copy = path.join(run.work, copyEntry);
    await mkdir(path.dirname(copy), { recursive: true });
    await makeWorkingCopy({
      masterPath: master,
      outPath: copy,
      workDir: run.work,
      signal: run.signal,
      cameraName: `${nameTh} · ${name}`,
      parts: cut.parts,
      onProgress: (fraction) => onProgress(0.5 + fraction / 2),
    });
    files.push({
      path: copyEntry,
      sourcePath: copy,
      owned: true,
      role: 'working-copy',
      mediaType: 'video/mp4',
      cameraId: chosen.cameraId,
    });
  }
  onProgress(1);
  return {
    camera: {
      ...base,
      covered: { from: cut.covered.from.toISOString(), to: cut.covered.to.toISOString() },
      gaps: await reasonedGaps(ctx, chosen.cameraId, cut.gaps),
      segments: cut.segments.map((s) => ({
        path: s.path,
        startedAt: s.startedAt.toISOString(),
        endedAt: s.endedAt.toISOString(),
        bytes: s.bytes,
        sha256: s.sha256,
        interrupted: s.interrupted,
      })),
      files: files.map((f) => f.path),
      // Segment files are named by their place in the recordings store, not by this server's folders.
      cut: {
        tool: cut.tool,
        arguments: cut.arguments,
        inputs: cut.inputs.map((input) => ({
          name: input.name,
          text: input.text.split(`'${ctx.recordingsDir}/`).join("'"),
        })),
      },
    },
    files,
    clockSource: segments[0]!.clockSource,
  };
}

async function formFile(ctx: ExportContext, request: StoredRequest): Promise<PackageContentFile | null> {
  const form = await findForm(ctx.db, request.id);
  if (!form) return null;
  return {
    path: `attachments/request-form.${form.mediaType === 'application/pdf' ? 'pdf' : 'jpg'}`,
    sourcePath: path.join(evidencePaths(ctx.evidence).forms, form.path),
    role: 'attachment',
    mediaType: form.mediaType,
  };
}

async function buildManifest(
  ctx: ExportContext,
  request: StoredRequest,
  exports: CameraExport[],
  packageId: string,
  tool: string,
): Promise<UnsignedManifest> {
  const requester = await findNamedUser(ctx.db, request.requesterId);
  const approver = await findNamedUser(ctx.db, await findDeciderId(ctx.db, request.id));
  const steps = await listSteps(ctx.db, request.id);
  return {
    format: PACKAGE_FORMAT,
    packageId,
    createdAt: ctx.now().toISOString(),
    software: { name: ctx.software.name, version: ctx.software.version, ffmpeg: tool },
    clockSource: exports.find((e) => e.clockSource)?.clockSource ?? 'no footage in the window',
    request: {
      id: request.id,
      reference: request.reference,
      caseNumber: request.caseNumber,
      station: request.station,
      kind: request.kind,
      requester: {
        name: request.officerName,
        rank: request.officerRank,
        officerId: request.officerId,
        phone: request.officerPhone,
        ...(requester ? { username: requester.username } : {}),
      },
      approver: approver ? { name: approver.displayName, username: approver.username } : { name: 'unknown' },
      legalBasis: request.legalBasis,
      reason: request.reason,
      place: { lon: request.place.lon, lat: request.place.lat, label: request.placeLabel },
      window: { from: request.from, to: request.to },
      steps: steps.map((s) => ({
        status: s.status,
        at: s.at,
        by: s.by,
        ...(s.note ? { note: s.note } : {}),
      })),
    },
    cameras: exports.map((e) => e.camera),
  };
}

/** Runs the export of one request; a request no longer waiting for one is left alone. */
export async function exportRequest(
  ctx: ExportContext,
  requestId: number,
): Promise<'exported' | 'skipped' | 'failed'> {
  const request = await startExport(ctx, requestId);
  if (!request) return 'skipped';
  // The letter's page is made ready while the cameras are cut: the letter is the last step before the package is done.
  ctx.letters
    .warm()
    .catch((error: unknown) =>
      ctx.log('warn', 'letter printer not ready yet', { requestId, err: (error as Error).message }),
    );
  const packageId = randomUUID();
  const paths = evidencePaths(ctx.evidence);
  const work = path.join(paths.work, `${requestId}-${packageId}`);
  let lastReport = { at: 0, fraction: 0 };
  const progress = (fraction: number) => {
    const now = Date.now();
    const moved = fraction - lastReport.fraction;
    if (now - lastReport.at < PROGRESS_EVERY_MS && moved < PROGRESS_STEP && fraction < 1) return;
    lastReport = { at: now, fraction };
    void reportProgress(ctx, request, fraction).catch((error) =>
      ctx.log('warn', 'export progress not written', { requestId, err: (error as Error).message }),
    );
  };
  // Where an export spends its time, in the log (what to look at when one is slow).
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - mark);
    mark = now;
  };
  // Stops the other cameras' cuts when one fails (their ffmpeg is killed), before the work folder is removed.
  const stop = new AbortController();
  let cameraRuns: Promise<CameraExport>[] = [];
  try {
    await mkdir(work, { recursive: true });
    const chosen = await listRequestCameras(ctx.db, requestId);
    const cut = chosen.map(() => 0);
    let zipped = 0;
    const overall = () =>
      CUT_SHARE * (cut.reduce((sum, f) => sum + f, 0) / chosen.length) + (1 - CUT_SHARE) * zipped;
    // Cameras are cut side by side (each one ffmpeg, mostly waiting on the disk), and each goes into the zip as soon
    // as it and the cameras before it are cut, while the next ones still are.
    const limit = pLimit(CAMERAS_AT_ONCE);
    cameraRuns = chosen.map((camera, index) =>
      limit(() =>
        exportCamera(ctx, camera, { work, signal: stop.signal }, (fraction) => {
          cut[index] = fraction;
          progress(overall());
        }),
      ),
    );
    // The first failure is the abort's reason, so the cameras stopped because of it reject with it too, and the
    // package writer (waiting on an earlier camera) reports the cause rather than "aborted".
    for (const run of cameraRuns) run.catch((error: unknown) => stop.abort(error));
    const exports: CameraExport[] = [];
    const form = await formFile(ctx, request);
    async function* contentFiles(): AsyncGenerator<PackageContentFile> {
      for (const run of cameraRuns) {
        const cameraExport = await run;
        exports.push(cameraExport);
        yield* cameraExport.files;
      }
      lap('camerasMs');
      if (form) yield form;
    }
    // A stored zip (a folder, served as one zip): the cuts are moved into it rather than copied.
    const relative = path.join(String(requestId), packageId);
    const packageFileName = `${request.reference}-evidence.zip`;
    const written = await writeEvidencePackage({
      outDir: path.join(paths.packages, relative),
      files: contentFiles(),
      manifest: () => {
        const tool = exports.find((e) => e.camera.cut)?.camera.cut?.tool ?? 'ffmpeg (not run: no footage)';
        return buildManifest(ctx, request, exports, packageId, tool);
      },
      key: ctx.key,
      // The letter is made from the exact signed bytes, so it lists the same files and hashes.
      letter: async (bytes, manifestSha256) => {
        const started = performance.now();
        const pdf = await ctx.letters.print({
          manifest: JSON.parse(bytes.toString('utf8')) as Manifest,
          manifestSha256,
          publicKeyPem: ctx.key.publicKeyPem,
          generatedAt: ctx.now(),
          packageFileName,
        });
        timings.letterMs = Math.round(performance.now() - started);
        return pdf;
      },
      verifyText: verifyReadme({ fingerprint: ctx.key.fingerprint, packageName: packageFileName }),
      onProgress: (done, known) => {
        zipped = known ? (done / known) * (exports.length / Math.max(1, chosen.length)) : 0;
        progress(overall());
      },
    });
    lap('packageMs');
    await finishExport(ctx, request, {
      id: packageId,
      path: relative,
      bytes: written.zipBytes,
      sha256: written.zipSha256,
      manifestSha256: written.manifestSha256,
      keyFingerprint: ctx.key.fingerprint,
    });
    ctx.log('info', 'evidence package built', { requestId, packageId, bytes: written.zipBytes, ...timings });
    return 'exported';
  } catch (caught) {
    const error: unknown = stop.signal.aborted ? stop.signal.reason : caught;
    stop.abort(error);
    await Promise.allSettled(cameraRuns);
    ctx.log('error', 'evidence export failed', { requestId, err: (error as Error).message });
    await failExport(ctx, request, FAILURE_REASON(error));
    return 'failed';
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
