// Object masks: a detection standing in a mask zone (a statue, a billboard, a poster the operator drew round) is no
// object to the tracker or the rules, as in Frigate's object masks.
import type { Detection } from '@toc/models';
import { groundContact, zonesAt, type PixelScene } from './scene';

/** The detections whose ground point (bottom centre) is outside every mask zone; the input itself when none is. */
export function withoutMasked(detections: readonly Detection[], scene: PixelScene): readonly Detection[] {
  if (!scene.zones.some((zone) => zone.kind === 'mask')) return detections;
  return detections.filter((d) => zonesAt(scene, groundContact(d.box), 'mask').length === 0);
}
