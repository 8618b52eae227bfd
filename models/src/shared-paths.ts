// Where the material kept outside the repo lives (weights, media): environment first, else beside the repo.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

type Env = Record<string, string | undefined>;

/** SHARED_DIR, else `<repo>/../shared`. */
export function sharedDir(env: Env = process.env): string {
  return path.resolve(env.SHARED_DIR || path.join(REPO_ROOT, '..', 'shared'));
}

/** MODELS_DIR, else `SHARED_DIR/models`, else `<repo>/../shared/models`. */
export function defaultModelsDir(env: Env = process.env): string {
  return path.resolve(env.MODELS_DIR || path.join(sharedDir(env), 'models'));
}
