// Finds a model's weights file and proves it is the one the manifest names (sha256).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ModelManifest } from './manifest.schema';
import { defaultModelsDir } from './shared-paths';

export interface LocateOptions {
  /** Defaults to MODELS_DIR, else SHARED_DIR/models, else <repo>/../shared/models. */
  modelsDir?: string;
}

/** Thrown when the weights file is missing or is not the manifest's file. */
export class ModelFileError extends Error {
  constructor(
    readonly file: string,
    readonly expectedSha256: string,
    readonly actualSha256: string | null,
    readonly upstreamUrl: string,
    reason: string,
  ) {
    super(
      `Model file ${file} ${reason}: expected sha256 ${expectedSha256}, actual ${actualSha256 ?? 'none (no file)'}. ` +
        `Download it from ${upstreamUrl} into ${path.dirname(file)} (or set MODELS_DIR).`,
    );
    this.name = 'ModelFileError';
  }
}

// Hashing 4-10 MB per load is cheap once, but detectors are loaded per camera: remember it per file version
// (the promise, so cameras starting together hash the file once).
const hashCache = new Map<string, { mtimeMs: number; size: number; sha256: Promise<string> }>();

/** Absolute path of the manifest's weights file after checking its sha256. */
export async function locateModel(manifest: ModelManifest, options: LocateOptions = {}): Promise<string> {
  const file = path.resolve(options.modelsDir ?? defaultModelsDir(), manifest.file);
  const fail = (actual: string | null, reason: string) =>
    new ModelFileError(file, manifest.sha256, actual, manifest.upstreamUrl, reason);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw fail(null, 'is missing');
  const actual = await sha256Of(file, info.mtimeMs, info.size);
  if (actual !== manifest.sha256) throw fail(actual, 'has the wrong content');
  return file;
}

function sha256Of(file: string, mtimeMs: number, size: number): Promise<string> {
  const cached = hashCache.get(file);
  if (cached && cached.mtimeMs === mtimeMs && cached.size === size) return cached.sha256;
  const sha256 = hashFile(file);
  hashCache.set(file, { mtimeMs, size, sha256 });
  sha256.catch(() => hashCache.delete(file));
  return sha256;
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
