// A still's file name: camera and Bangkok time to the millisecond, no characters a file system refuses.
import { describe, expect, it } from 'vitest';
import { stillFileName } from './still-file';

describe('stillFileName', () => {
  it('names the camera and the Bangkok time of the frame', () => {
    expect(stillFileName(3, Date.parse('2031-03-13T07:05:09.250Z'))).toBe(
      'camera-3_2031-03-13_14-05-09.250+07.jpg',
    );
  });
  it('carries the Bangkok day past UTC midnight', () => {
    expect(stillFileName(12, Date.parse('2031-03-13T20:00:00.000Z'))).toBe(
      'camera-12_2031-03-14_03-00-00.000+07.jpg',
    );
    expect(stillFileName(12, Date.now())).not.toMatch(/[:\\/*?"<>|]/);
  });
});
