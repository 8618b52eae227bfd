// Small: bounding boxes in range and in order pass; anything else is a 400 with the reason.
import { describe, expect, it } from 'vitest';
import { parseBbox } from './bbox';
import { HttpError } from './http-error';

describe('parseBbox', () => {
  it('reads west,south,east,north', () => {
    expect(parseBbox('100.9,13.4,101.9,14.1')).toEqual([100.9, 13.4, 101.9, 14.1]);
    expect(parseBbox('-180,-90,180,90')).toEqual([-180, -90, 180, 90]);
  });

  it.each(['-181,0,1,1', '0,-91,1,1', '0,0,181,1', '0,0,1,91', '1,0,0,1', '0,1,1,0', '0,0,0,1', '0,0,1', '0,0,1,1,1', 'a,0,1,1', '1e400,0,1,1'])(
    'refuses %s',
    (text) => {
      expect(() => parseBbox(text)).toThrow(HttpError);
    },
  );
});
