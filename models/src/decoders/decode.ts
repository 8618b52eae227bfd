// Picks the manifest's decoder and hands it the outputs by name.
import type { Detection } from '../detection.schema';
import type { ModelManifest } from '../manifest.schema';
import type { DecodeOptions } from './decode-options';
import { decodePicodet } from './picodet.decoder';
import { decodeYolox } from './yolox.decoder';

export type OutputsByName = Readonly<Record<string, Float32Array>>;

export function decodeOutputs(
  manifest: Pick<ModelManifest, 'decoder' | 'outputs'> & DecodeOptions['manifest'],
  outputs: OutputsByName,
  scale: Omit<DecodeOptions, 'manifest'>,
): Detection[] {
  const byName = manifest.outputs.map((name) => {
    const data = outputs[name];
    if (!data) throw new Error(`Model output "${name}" is missing; got ${Object.keys(outputs).join(', ')}`);
    return data;
  });
  const options = { manifest, ...scale };
  switch (manifest.decoder) {
    case 'yolox':
      return decodeYolox(byName[0]!, options);
    case 'picodet': {
      const half = byName.length / 2;
      return decodePicodet({ scores: byName.slice(0, half), boxes: byName.slice(half) }, options);
    }
  }
}
