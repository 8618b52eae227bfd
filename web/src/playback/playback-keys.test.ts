// Playback keys and speed steps.
import { describe, expect, it } from 'vitest';
import { playbackKeyAction, stepSpeed } from './playback-keys';

describe('stepSpeed', () => {
  it('steps through 0.5× … 16× and stays at the ends', () => {
    expect(stepSpeed(1, 1)).toBe(2);
    expect(stepSpeed(1, -1)).toBe(0.5);
    expect(stepSpeed(16, 1)).toBe(16);
    expect(stepSpeed(0.5, -1)).toBe(0.5);
  });
});

describe('playbackKeyAction', () => {
  it('maps the shortcuts', () => {
    expect(playbackKeyAction(' ', 1)).toEqual({ kind: 'toggle' });
    expect(playbackKeyAction('K', 1)).toEqual({ kind: 'toggle' });
    expect(playbackKeyAction('ArrowLeft', 1)).toEqual({ kind: 'jump', seconds: -10 });
    expect(playbackKeyAction('l', 1)).toEqual({ kind: 'jump', seconds: 10 });
    expect(playbackKeyAction(',', 1)).toEqual({ kind: 'frame', direction: -1 });
    expect(playbackKeyAction('.', 1)).toEqual({ kind: 'frame', direction: 1 });
    expect(playbackKeyAction('+', 4)).toEqual({ kind: 'speed', speed: 8 });
    expect(playbackKeyAction('-', 4)).toEqual({ kind: 'speed', speed: 2 });
    expect(playbackKeyAction('6', 1)).toEqual({ kind: 'speed', speed: 16 });
  });
  it('leaves other keys alone', () => {
    expect(playbackKeyAction('a', 1)).toBeNull();
    expect(playbackKeyAction('7', 1)).toBeNull();
    expect(playbackKeyAction('Enter', 1)).toBeNull();
  });
});
