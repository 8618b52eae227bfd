// The playback address: written and read back, with an alarm's pre-roll and bad parts left out.
import { describe, expect, it } from 'vitest';
import { besideCameras, eventPlaybackHref, parsePlaybackQuery, playbackHref } from './playback-route';
import { hashQuery } from '../app/hash-router';

describe('playbackHref', () => {
  it('names the camera, the instant and the cameras beside it', () => {
    expect(playbackHref({ cameraId: 3 })).toBe('#/playback/3');
    expect(playbackHref({ cameraId: 3, at: Date.parse('2031-03-13T07:00:00Z'), others: [4, 5] })).toBe(
      '#/playback/3?at=2031-03-13T07%3A00%3A00.000Z&with=4%2C5',
    );
  });
  it('starts an alarm ten seconds before its onset', () => {
    expect(eventPlaybackHref(7, '2031-03-13T07:00:00.000Z')).toBe(
      '#/playback/7?at=2031-03-13T06%3A59%3A50.000Z',
    );
  });
});

describe('parsePlaybackQuery', () => {
  it('reads back what playbackHref wrote', () => {
    const href = playbackHref({ cameraId: 3, at: Date.parse('2031-03-13T07:00:00.250Z'), others: [4, 5] });
    expect(parsePlaybackQuery(hashQuery(href), 3)).toEqual({
      at: Date.parse('2031-03-13T07:00:00.250Z'),
      others: [4, 5],
    });
  });
  it('leaves out an unreadable instant and bad camera ids', () => {
    expect(parsePlaybackQuery(new URLSearchParams('at=yesterday&with=0,x,4,3,4,-2'), 3)).toEqual({
      at: null,
      others: [4],
    });
  });
});

describe('besideCameras', () => {
  it('keeps three cameras at most, without the main one or repeats', () => {
    expect(besideCameras(1, [1, 2, 2, 3, 4, 5])).toEqual([2, 3, 4]);
  });
});
