// Detector model ids a camera or trap may name: those with a manifest in the models workspace (models/manifests).
import { listModels } from '@toc/models/registry';
import { HttpError } from './http-error';

/** Refuses an unknown model id with the list of known ones; a missing id (the default applies) passes. */
export function assertKnownModel(modelId: string | undefined): void {
  if (modelId === undefined) return;
  const known = listModels().map((manifest) => manifest.id);
  if (known.includes(modelId)) return;
  throw new HttpError(
    400,
    `modelId must be one of the known models: ${known.join(', ')}`,
    `modelId ต้องเป็นโมเดลที่ระบบรู้จัก: ${known.join(', ')}`,
  );
}
