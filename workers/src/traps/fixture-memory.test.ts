import { describe, expect, it } from 'vitest';
import type { Detection } from '@toc/models';
import {
  DEFAULT_FIXTURE_MEMORY,
  findFixtures,
  objectsToRemember,
  toShareBox,
  type RememberedObject,
} from './fixture-memory';

const HOUR = 3_600_000;
const statue: [number, number, number, number] = [0.6, 0.4, 0.8, 0.7];

const seen = (hoursAgo: number, box = statue): RememberedObject => ({ takenAt: -hoursAgo * HOUR, box });
const one = (box = statue) => [{ index: 0, box }];

describe('fixture memory', () => {
  it('takes an object seen in the same place on three earlier visits for a fixture', () => {
    const history = [seen(30), seen(20), seen(6)];
    expect(findFixtures(one(), history)).toEqual([
      { index: 0, reason: 'repeated', visits: 3, firstSeenAt: -30 * HOUR },
    ]);
    expect(findFixtures(one(), history.slice(1))).toEqual([]);
  });

  it('needs separate visits: a herd lingering for an hour, stills minutes apart, is one visit', () => {
    const lingering = Array.from({ length: 12 }, (_, i) => seen(2 - i / 12));
    expect(findFixtures(one(), lingering)).toEqual([]);
    expect(findFixtures(one(), [...lingering, seen(30), seen(50)])).toHaveLength(1);
  });

  it('needs the same place: an animal elsewhere on each visit is no fixture', () => {
    const moved = (dx: number): [number, number, number, number] => [0.6 + dx, 0.4, 0.8 + dx, 0.7];
    expect(
      findFixtures(one(), [seen(30, moved(0.05)), seen(20, moved(-0.05)), seen(6, moved(0.08))]),
    ).toEqual([]);
    // A still object's box jitters a little from still to still: still the same place.
    expect(
      findFixtures(one(), [seen(30, moved(0.005)), seen(20, moved(-0.004)), seen(6, moved(0.003))]),
    ).toHaveLength(1);
  });

  it('never takes an animal close to the trap, filling the still, for a fixture', () => {
    const close: [number, number, number, number] = [0.1, 0.1, 0.9, 0.95];
    expect(findFixtures(one(close), [seen(30, close), seen(20, close), seen(6, close)])).toEqual([]);
  });

  it('takes an object where an operator dismissed a sighting for a fixture at once, whatever its size', () => {
    const close: [number, number, number, number] = [0.1, 0.1, 0.9, 0.95];
    const dismissed = { ...seen(6, close), dismissed: true };
    expect(findFixtures(one(close), [dismissed])).toEqual([
      { index: 0, reason: 'dismissed', visits: 1, firstSeenAt: -6 * HOUR },
    ]);
    // Elsewhere in the still, an elephant is still an elephant.
    expect(findFixtures(one(statue), [dismissed])).toEqual([]);
  });

  it('remembers elephant-like objects from the remembering score, as shares of the still', () => {
    const detections: Detection[] = [
      { classId: 20, label: 'elephant', score: 0.3, box: [320, 160, 480, 320] },
      { classId: 20, label: 'elephant', score: 0.1, box: [0, 0, 10, 10] },
      { classId: 19, label: 'cow', score: 0.9, box: [0, 0, 100, 100] },
    ];
    expect(objectsToRemember(detections, { width: 640, height: 480 }, DEFAULT_FIXTURE_MEMORY)).toEqual([
      { index: 0, box: toShareBox([320, 160, 480, 320], 640, 480) },
    ]);
    expect(toShareBox([320, 160, 480, 320], 640, 480)).toEqual([0.5, 1 / 3, 0.75, 2 / 3]);
  });
});
