// What a decoder needs from the manifest and the pre-processing, so decoders stay pure functions.
import type { BoxScale } from '../detection.schema';
import type { ModelManifest } from '../manifest.schema';

export type DecodeManifest = Pick<ModelManifest, 'input' | 'labels' | 'scoreThreshold' | 'nmsIou'>;

export interface DecodeOptions extends BoxScale {
  manifest: DecodeManifest;
}
