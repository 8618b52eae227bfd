// Letterboxing keeps the picture's shape and centres it.
import { describe, expect, it } from 'vitest';
import { letterbox } from './draw-frame';

describe('letterbox', () => {
  it('fits a wide picture to the width of a square canvas, centred vertically', () => {
    expect(letterbox({ width: 1280, height: 720 }, { width: 400, height: 400 })).toEqual({ x: 0, y: 87.5, width: 400, height: 225 });
  });
  it('fits a tall picture to the height, centred horizontally', () => {
    expect(letterbox({ width: 300, height: 600 }, { width: 400, height: 300 })).toEqual({ x: 125, y: 0, width: 150, height: 300 });
  });
});
