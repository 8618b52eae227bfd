// Waits to acknowledge as text: seconds, minutes and seconds, hours and minutes.
import { describe, expect, it } from 'vitest';
import { waitText } from './wait-time';

describe('waitText', () => {
  it('gives whole seconds under a minute', () => {
    expect(waitText(0)).toEqual({ key: 'shift.wait.seconds', values: { s: 0 } });
    expect(waitText(59.4)).toEqual({ key: 'shift.wait.seconds', values: { s: 59 } });
  });
  it('gives minutes and seconds under an hour', () => {
    expect(waitText(59.6)).toEqual({ key: 'shift.wait.minutes', values: { m: 1, s: 0 } });
    expect(waitText(260)).toEqual({ key: 'shift.wait.minutes', values: { m: 4, s: 20 } });
    expect(waitText(3599)).toEqual({ key: 'shift.wait.minutes', values: { m: 59, s: 59 } });
  });
  it('gives hours and minutes from an hour on', () => {
    expect(waitText(3600)).toEqual({ key: 'shift.wait.hours', values: { h: 1, m: 0 } });
    expect(waitText(2 * 3600 + 29 * 60 + 40)).toEqual({ key: 'shift.wait.hours', values: { h: 2, m: 30 } });
  });
  it('never shows a negative wait', () => {
    expect(waitText(-5)).toEqual({ key: 'shift.wait.seconds', values: { s: 0 } });
  });
});
