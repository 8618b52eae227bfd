// Words for an event on the wall: its title and where it happened, in the UI language.
import type { Camera, Event } from '@toc/server/schemas';
import type { Language } from '../i18n/i18n';

/** A `{en, th}` text from the event's payload (elephant warnings carry their own title), or null. */
export function payloadText(value: unknown, language: Language): string | null {
  const text = (value as Record<string, unknown> | null | undefined)?.[language];
  return typeof text === 'string' && text.trim() !== '' ? text : null;
}

const trapName = (event: Event | undefined, language: Language): string | null => {
  const name = language === 'th' ? event?.payload.trapNameTh : event?.payload.trapName;
  return typeof name === 'string' && name !== '' ? name : null;
};

/**
 * The camera's name; for camera-trap events the trap's name, which a warning takes from the sighting that
 * raised it. Null when none is known.
 */
export function eventPlace(event: Event, camera: Camera | undefined, language: Language, sighting?: Event): string | null {
  if (camera) return language === 'th' ? camera.nameTh : camera.name;
  return trapName(event, language) ?? trapName(sighting, language);
}

/** The id of the sighting an elephant warning was raised for, or null. */
export function sightingIdOf(event: Event): number | null {
  const id = event.payload.sightingEventId;
  return typeof id === 'number' && Number.isInteger(id) ? id : null;
}
