// The wall's alert tone, generated with WebAudio (no audio files): three short falling two-tone pulses.
export class AlertSound {
  private context: AudioContext | null = null;

  /** True once the browser lets this page play sound. */
  get ready(): boolean {
    return this.context?.state === 'running';
  }

  /**
   * Creates or resumes the audio context. Browsers only allow this during a click or key press, so callers run
   * it from one; outside a gesture it leaves the context suspended and returns false.
   */
  async unlock(): Promise<boolean> {
    try {
      this.context ??= new AudioContext();
      if (this.context.state === 'suspended') await this.context.resume();
    } catch {
      return false;
    }
    return this.ready;
  }

  /** Plays the tone once; false when the browser has not allowed sound yet. */
  play(): boolean {
    const context = this.context;
    if (!context || context.state !== 'running') return false;
    const start = context.currentTime + 0.02;
    for (let pulse = 0; pulse < 3; pulse++) {
      const at = start + pulse * 0.42;
      beep(context, 988, at, 0.17);
      beep(context, 740, at + 0.19, 0.17);
    }
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
