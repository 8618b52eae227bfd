import type { Detection } from '@toc/models';
import { describe, expect, it } from 'vitest';
import type { PixelScene, PixelZone } from './scene';
import { withoutMasked } from './masks';

const zone = (id: number, kind: PixelZone['kind'], polygon: [number, number][]): PixelZone => ({
  id,
  kind,
  name: `zone ${id}`,
  nameTh: `โซน ${id}`,
  polygon,
  direction: null,
  alertAbove: null,
  clearBelow: null,
  areaM2: null,
  centroid: polygon[0]!,
});
const scene = (zones: PixelZone[]): PixelScene => ({ width: 640, height: 360, zones, lines: [] });
const elephant = (box: Detection['box']): Detection => ({ classId: 20, label: 'elephant', score: 0.8, box });
const BILLBOARD: [number, number][] = [
  [400, 20],
  [620, 20],
  [620, 200],
  [400, 200],
];

describe('withoutMasked', () => {
  it('drops a detection standing in a mask zone (an elephant painted on a billboard)', () => {
    const painted = elephant([450, 60, 560, 180]);
    const live = elephant([100, 200, 260, 340]);
    expect(withoutMasked([painted, live], scene([zone(1, 'mask', BILLBOARD)]))).toEqual([live]);
  });

  it('keeps one whose ground point is outside the mask though its box reaches into it (a lorry passing under)', () => {
    const lorry: Detection = { classId: 7, label: 'truck', score: 0.9, box: [380, 120, 600, 300] };
    expect(withoutMasked([lorry], scene([zone(1, 'mask', BILLBOARD)]))).toEqual([lorry]);
  });

  it('leaves the detections alone (the same array) when the camera has no mask zone', () => {
    const detections = [elephant([450, 60, 560, 180])];
    expect(withoutMasked(detections, scene([zone(2, 'elephant_watch', BILLBOARD)]))).toBe(detections);
  });
});
