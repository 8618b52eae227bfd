// The known detectors: reads manifests/*.json once, validates them and resolves their label sets.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Compile } from 'typebox/compile';
import { COCO80_LABELS } from './coco-labels';
import { ModelManifestFile, type LabelSetName, type ModelManifest } from './manifest.schema';

const MANIFESTS_DIR = fileURLToPath(new URL('../manifests/', import.meta.url));
const LABEL_SETS: Record<LabelSetName, readonly string[]> = { coco80: COCO80_LABELS };
const manifestFile = Compile(ModelManifestFile);

/**
 * Validates a manifest as stored on disk and returns it with its labels resolved.
 * `source` names the manifest in the error message.
 */
export function parseManifest(value: unknown, source = 'manifest'): ModelManifest {
  if (!manifestFile.Check(value)) {
    const reasons = manifestFile
      .Errors(value)
      .slice(0, 6)
      .map((e) => `${e.instancePath || '/'} ${e.message}`);
    throw new Error(`Invalid model manifest ${source}: ${reasons.join('; ')}`);
  }
  const problems: string[] = [];
  const { input } = value;
  if (input.resize === 'letterbox-top-left' && input.padValue === undefined) {
    problems.push('/input/padValue is required for letterbox-top-left');
  }
  if ((input.mean === undefined) !== (input.std === undefined))
    problems.push('/input mean and std go together');
  if (input.std?.some((s) => s === 0)) problems.push('/input/std must not contain 0');
  if (problems.length > 0) throw new Error(`Invalid model manifest ${source}: ${problems.join('; ')}`);
  const labels = typeof value.labels === 'string' ? [...LABEL_SETS[value.labels]] : value.labels;
  return deepFreeze({ ...value, labels });
}

let cache: ReadonlyMap<string, ModelManifest> | undefined;

function manifests(): ReadonlyMap<string, ModelManifest> {
  if (cache) return cache;
  const byId = new Map<string, ModelManifest>();
  for (const name of readdirSync(MANIFESTS_DIR)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const source = path.join('models/manifests', name);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path.join(MANIFESTS_DIR, name), 'utf8'));
    } catch (err) {
      throw new Error(`Invalid model manifest ${source}: not JSON (${(err as Error).message})`, {
        cause: err,
      });
    }
    const manifest = parseManifest(json, source);
    // The id is what cameras store, so the file name must agree with it.
    if (`${manifest.id}.json` !== name) {
      throw new Error(`Invalid model manifest ${source}: id "${manifest.id}" does not match the file name`);
    }
    byId.set(manifest.id, manifest);
  }
  cache = byId;
  return byId;
}

/** Every known manifest, sorted by id. */
export function listModels(): ModelManifest[] {
  return [...manifests().values()];
}

export function getManifest(id: string): ModelManifest {
  const manifest = manifests().get(id);
  if (!manifest) {
    throw new Error(`Unknown model id "${id}"; known models: ${[...manifests().keys()].join(', ')}`);
  }
  return manifest;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
