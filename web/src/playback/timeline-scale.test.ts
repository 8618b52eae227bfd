// The timeline's window: valid sizes, zoom about the pointer, pan within the day, following the playhead.
import { describe, expect, it } from 'vitest';
import {
  bangkokDayView,
  clampView,
  DAY_MS,
  fractionOf,
  keepInView,
  MIN_VIEW_MS,
  panView,
  timeAtFraction,
  zoomView,
} from './timeline-scale';

const DAY = {
  from: Date.parse('2031-03-13T00:00:00+07:00'),
  to: Date.parse('2031-03-13T00:00:00+07:00') + DAY_MS,
};
const H = 3_600_000;

describe('bangkokDayView', () => {
  it('runs from Bangkok midnight (17:00 UTC the day before) for 24 hours', () => {
    expect(bangkokDayView('2031-03-13')).toEqual({
      from: Date.parse('2031-03-12T17:00:00Z'),
      to: Date.parse('2031-03-13T17:00:00Z'),
    });
  });
});

describe('clampView', () => {
  it('keeps at least five minutes, at most the day, inside the day', () => {
    expect(clampView({ from: DAY.from + H, to: DAY.from + H + 1000 }, DAY)).toEqual({
      from: DAY.from + H,
      to: DAY.from + H + MIN_VIEW_MS,
    });
    expect(clampView({ from: DAY.from - H, to: DAY.to + H }, DAY)).toEqual(DAY);
    expect(clampView({ from: DAY.to - H, to: DAY.to + H }, DAY)).toEqual({
      from: DAY.to - 2 * H,
      to: DAY.to,
    });
  });
});

describe('fractions', () => {
  it('maps instants to fractions of the width and back', () => {
    const view = { from: DAY.from + 6 * H, to: DAY.from + 8 * H };
    expect(fractionOf(view, DAY.from + 7 * H)).toBe(0.5);
    expect(timeAtFraction(view, 0.25)).toBe(DAY.from + 6.5 * H);
  });
});

describe('zoomView', () => {
  it('keeps the pointer instant at the same place on screen', () => {
    const anchor = DAY.from + 6 * H;
    const zoomed = zoomView(DAY, 0.5, anchor, DAY);
    expect(zoomed.to - zoomed.from).toBe(12 * H);
    expect(fractionOf(zoomed, anchor)).toBeCloseTo(fractionOf(DAY, anchor));
  });
  it('stops at five minutes and at the whole day', () => {
    let view = DAY;
    for (let i = 0; i < 40; i++) view = zoomView(view, 0.5, DAY.from + 12 * H, DAY);
    expect(view.to - view.from).toBe(MIN_VIEW_MS);
    for (let i = 0; i < 40; i++) view = zoomView(view, 2, DAY.from + 12 * H, DAY);
    expect(view).toEqual(DAY);
  });
});

describe('panView', () => {
  it('moves without leaving the day', () => {
    const view = { from: DAY.from + H, to: DAY.from + 2 * H };
    expect(panView(view, 30 * 60_000, DAY)).toEqual({ from: DAY.from + 1.5 * H, to: DAY.from + 2.5 * H });
    expect(panView(view, -5 * H, DAY)).toEqual({ from: DAY.from, to: DAY.from + H });
  });
});

describe('keepInView', () => {
  const view = { from: DAY.from + 10 * H, to: DAY.from + 11 * H };
  it('leaves the view alone while the playhead is well inside', () => {
    expect(keepInView(view, DAY.from + 10.5 * H, DAY)).toBe(view);
  });
  it('turns the page when the playhead nears the right edge', () => {
    const next = keepInView(view, DAY.from + 10.95 * H, DAY);
    expect(next.to - next.from).toBe(H);
    expect(fractionOf(next, DAY.from + 10.95 * H)).toBeCloseTo(0.1);
  });
  it('brings a playhead before the view back in, and ignores one outside the day', () => {
    expect(fractionOf(keepInView(view, DAY.from + 3 * H, DAY), DAY.from + 3 * H)).toBeCloseTo(0.9);
    expect(keepInView(view, DAY.to + H, DAY)).toBe(view);
  });
});
