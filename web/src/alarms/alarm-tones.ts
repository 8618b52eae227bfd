// Alarm tones generated with WebAudio (no audio files), one pattern per severity so an operator can tell a crash
// from a queue without looking: critical is fast and high, high is the two-tone pulse, medium a single chime.
import type { Severity } from '@toc/server/schemas';

interface Pulse {
  /** Seconds after the start. */
  at: number;
  frequency: number;
  seconds: number;
}

const pulses = (count: number, every: number, notes: readonly [number, number][]): Pulse[] =>
  Array.from({ length: count }, (_, i) => notes.map(([frequency, offset]) => ({ at: i * every + offset, frequency, seconds: 0.14 }))).flat();

/** The severities that sound, and how. Low and info alarms are for the list, not the ear. */
export const TONE_PATTERNS: Partial<Record<Severity, readonly Pulse[]>> = {
  critical: pulses(5, 0.3, [
    [1319, 0],
    [988, 0.15],
  ]),
  high: pulses(3, 0.42, [
    [988, 0],
    [740, 0.19],
  ]),
  medium: pulses(1, 0, [
    [660, 0],
    [880, 0.16],
  ]),
};

export class AlarmTones {
  private context: AudioContext | null = null;

  /** True once the browser lets this page play sound. */
  get ready(): boolean {
    return this.context?.state === 'running';
  }

  /** Creates or resumes the audio context; browsers allow it only during a click or key press. */
  async unlock(): Promise<boolean> {
    try {
      this.context ??= new AudioContext();
      if (this.context.state === 'suspended') await this.context.resume();
    } catch {
      return false;
    }
    return this.ready;
  }

  /** Plays the severity's pattern once; false when it has none or the browser has not allowed sound yet. */
  play(severity: Severity): boolean {
    const pattern = TONE_PATTERNS[severity];
    const context = this.context;
    if (!pattern || !context || context.state !== 'running') return false;
    const start = context.currentTime + 0.02;
    for (const pulse of pattern) beep(context, pulse.frequency, start + pulse.at, pulse.seconds);
    return true;
  }

  close(): void {
    void this.context?.close().catch(() => undefined);
    this.context = null;
  }
}

function beep(context: AudioContext, frequency: number, at: number, seconds: number): void {
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.type = 'triangle';
  oscillator.frequency.value = frequency;
  // A quick fade in and out: a hard start or stop of the wave clicks in the speakers.
  gain.gain.setValueAtTime(0.0001, at);
  gain.gain.exponentialRampToValueAtTime(0.35, at + 0.015);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + seconds);
  oscillator.connect(gain).connect(context.destination);
  oscillator.start(at);
  oscillator.stop(at + seconds + 0.02);
}
