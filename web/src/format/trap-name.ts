// A camera-trap sighting (and the warning raised from it) names its trap in the payload instead of a camera.
import type { Event } from '@toc/server/schemas';
import type { Language } from '../i18n/i18n';

export function trapNameOf(event: Event, language: Language): string | null {
  const { trapName, trapNameTh } = event.payload;
  if (typeof trapName !== 'string') return null;
  return language === 'th' && typeof trapNameTh === 'string' ? trapNameTh : trapName;
}
