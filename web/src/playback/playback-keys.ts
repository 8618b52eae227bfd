// Playback speeds and the keyboard: Space or K play/pause, ← J and → L ten seconds, , and . one frame,
// - and + slower and faster, 1–6 a speed directly.

export const SPEEDS = [0.5, 1, 2, 4, 8, 16] as const;
export type Speed = (typeof SPEEDS)[number];

export const JUMP_SECONDS = 10;

export type PlaybackAction =
  | { kind: 'toggle' }
  | { kind: 'frame'; direction: 1 | -1 }
  | { kind: 'jump'; seconds: number }
  | { kind: 'speed'; speed: Speed };

/** The next speed up or down from `current`, staying at the ends. */
export function stepSpeed(current: number, direction: 1 | -1): Speed {
  const index = SPEEDS.findIndex((s) => s >= current);
  const at = index < 0 ? SPEEDS.length - 1 : index;
  return SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, at + direction))]!;
}

/** What a key does on the playback page at speed `speed`, or null for keys it leaves alone. */
export function playbackKeyAction(key: string, speed: number): PlaybackAction | null {
  const lower = key.toLowerCase();
  if (lower === ' ' || lower === 'k') return { kind: 'toggle' };
  if (lower === 'arrowleft' || lower === 'j') return { kind: 'jump', seconds: -JUMP_SECONDS };
  if (lower === 'arrowright' || lower === 'l') return { kind: 'jump', seconds: JUMP_SECONDS };
  if (lower === ',') return { kind: 'frame', direction: -1 };
  if (lower === '.') return { kind: 'frame', direction: 1 };
  if (lower === '-') return { kind: 'speed', speed: stepSpeed(speed, -1) };
  if (lower === '+' || lower === '=') return { kind: 'speed', speed: stepSpeed(speed, 1) };
  const digit = Number(lower);
  if (lower.length === 1 && digit >= 1 && digit <= SPEEDS.length)
    return { kind: 'speed', speed: SPEEDS[digit - 1]! };
  return null;
}
