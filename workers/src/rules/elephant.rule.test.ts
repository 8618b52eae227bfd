import { describe, expect, it } from 'vitest';
import type { Detection } from '@toc/models';
import type { RuleFrame, Track } from '../pipeline/types';
import { createElephantState, evaluateElephants, evaluateStill } from './elephant.rule';

const elephant = (score: number, x = 300): Detection => ({
  classId: 20,
  label: 'elephant',
  score,
  box: [x, 200, x + 200, 380],
});

const frame = (tS: number, detections: Detection[], tracks: Track[] = []): RuleFrame => ({
  t: tS * 1000,
  frameWidth: 1280,
  frameHeight: 720,
  tracks,
  detections,
});

function track(id: number, hits: number): Track {
  return {
    id,
    classId: 20,
    label: 'elephant',
    score: 0.8,
    peakScore: 0.8,
    state: hits >= 3 ? 'confirmed' : 'tentative',
    box: [500, 200, 700, 380],
    velocity: [0, 0],
    hits,
    missed: 0,
    firstSeen: 0,
    lastSeen: 0,
    history: [{ t: 0, box: [500, 200, 700, 380], ground: { lon: 101.6, lat: 13.5 }, speedKmh: null }],
  };
}

describe('elephant sighting (video)', () => {
  it('needs minFrames frames with an elephant within the window, then reports the first as onset', () => {
    const state = createElephantState();
    expect(evaluateElephants(state, { frame: frame(0, [elephant(0.6)]) })).toEqual([]);
    expect(evaluateElephants(state, { frame: frame(0.2, []) })).toEqual([]);
    expect(evaluateElephants(state, { frame: frame(0.4, [elephant(0.5)]) })).toEqual([]);
    const [signal] = evaluateElephants(state, { frame: frame(0.6, [elephant(0.7), elephant(0.4, 700)]) });
    expect(signal).toMatchObject({
      key: 'elephant',
      type: 'elephant.sighting',
      kind: 'elephant_sighting',
      severity: 'critical',
      onset: 0,
      detail: { count: 2, bestScore: 0.7, maxCount: 2, source: 'video' },
    });
    expect(signal!.imagePoint).toEqual([400, 380]);
  });

  it('does not confirm isolated detections spread over more than the window', () => {
    const state = createElephantState();
    const out = [0, 3, 6, 9].flatMap((tS) => evaluateElephants(state, { frame: frame(tS, [elephant(0.9)]) }));
    expect(out).toEqual([]);
  });

  it('ignores detections below minScore', () => {
    const state = createElephantState();
    const out = [0, 0.2, 0.4, 0.6].flatMap((tS) =>
      evaluateElephants(state, { frame: frame(tS, [elephant(0.2)]) }),
    );
    expect(out).toEqual([]);
  });

  it('trusts a confirmed track at once and keeps one onset for the whole episode', () => {
    const state = createElephantState();
    const [first] = evaluateElephants(state, { frame: frame(10, [], [track(7, 3)]) });
    expect(first).toMatchObject({ onset: 10_000, trackIds: [7], ground: { lon: 101.6, lat: 13.5 } });
    evaluateElephants(state, { frame: frame(20, [], []) });
    const [later] = evaluateElephants(state, { frame: frame(40, [], [track(7, 50)]) });
    expect(later!.onset).toBe(10_000);
    const [newEpisode] = evaluateElephants(state, { frame: frame(200, [], [track(8, 3)]) });
    expect(newEpisode!.onset).toBe(200_000);
  });
});

describe('elephant sighting (camera-trap still)', () => {
  it('reports a single image when an elephant scores at least trapMinScore', () => {
    const signal = evaluateStill(
      [elephant(0.55), elephant(0.45, 600), { classId: 0, label: 'person', score: 0.9, box: [0, 0, 10, 10] }],
      { t: 5000 },
    );
    expect(signal).toMatchObject({
      key: 'elephant',
      onset: 5000,
      confidence: 0.55,
      detail: { count: 1, source: 'trap' },
    });
  });

  it('reports nothing below the threshold, which is an option', () => {
    expect(evaluateStill([elephant(0.45)], { t: 0 })).toBeNull();
    expect(evaluateStill([elephant(0.45)], { t: 0, trapMinScore: 0.4 })).not.toBeNull();
  });
});
