// Labels for the elephant page: distances in km, compass points, notification channels and audiences.
import type { Camera, Event } from '@toc/server/schemas';
import { en, type TranslationKey } from '../i18n/en';
import type { Language } from '../i18n/i18n';

/**
 * Always one decimal ("4.2", "6.0"): what a village head needs, and the figures line up in a column. Thai and
 * English both write it with Western digits and a point, and distances here stay far below a thousand km.
 */
export const kmText = (metres: number) => (metres / 1000).toFixed(1);

export { compassKey } from '../format/warned-places';

const knownKey = (key: string): TranslationKey | null => (key in en ? (key as TranslationKey) : null);

/** Audiences are free text set by administrators: the known ones are translated, others shown as typed. */
export const audienceKey = (audience: string | null) => knownKey(audience === null ? 'elephants.audience.none' : `elephants.audience.${audience}`);
export const channelKey = (channel: string) => knownKey(`elephants.channel.${channel}`);

/** Where a sighting came from: a camera trap (named in the payload) or a video camera, as a key and its name. */
export function sightingSource(
  event: Event,
  cameras: ReadonlyMap<number, Camera>,
  language: Language,
): { key: 'elephants.source.trap' | 'elephants.source.camera' | 'elephants.source.unknown'; name: string } {
  const trapName = language === 'th' ? event.payload.trapNameTh : event.payload.trapName;
  if (typeof trapName === 'string') return { key: 'elephants.source.trap', name: trapName };
  const camera = event.cameraId === null ? undefined : cameras.get(event.cameraId);
  if (camera) return { key: 'elephants.source.camera', name: language === 'th' ? camera.nameTh : camera.name };
  return { key: 'elephants.source.unknown', name: '' };
}
