import { describe, expect, it } from 'vitest';
import { scoreClip, summariseAccidents, type RaisedIncident } from './incident-score';

const raised = (type: string, kind: string, openedS: number, onsetS = openedS): RaisedIncident => ({
  type,
  kind,
  openedS,
  onsetS,
});
const truth = { impactS: 10, stoppedS: 11.5 };

describe('scoreClip', () => {
  it('takes the first accident after the impact, its delay and onset error', () => {
    const score = scoreClip([raised('traffic.accident', 'collision', 12, 9.6)], truth);
    expect(score.accident?.delayS).toBeCloseTo(2);
    expect(score.accident?.onsetErrorS).toBeCloseTo(-0.4);
    expect(score.stoppedDelayS).toBeCloseTo(0.5);
    expect(score.falseAlarms).toEqual([]);
  });

  it('counts alarms before the impact as false and later ones as separate alarms for the same crash', () => {
    const person = raised('traffic.incident', 'person_on_road', 3);
    const stopped = raised('traffic.incident', 'stopped_vehicle', 32, 12);
    const score = scoreClip([stopped, person, raised('traffic.accident', 'collision', 11)], truth);
    expect(score.falseAlarms).toEqual([person]);
    expect(score.separate).toEqual([stopped]);
  });

  it('reports the stop by a stopped-vehicle alarm when no accident is raised', () => {
    const score = scoreClip([raised('traffic.incident', 'stopped_vehicle', 32, 12)], truth);
    expect(score.accident).toBeNull();
    expect(score.stoppedDelayS).toBeCloseTo(20.5);
  });

  it('treats every alarm on a clip of normal flow as false', () => {
    const score = scoreClip([raised('traffic.incident', 'wrong_way', 4)], { impactS: null, stoppedS: null });
    expect(score.falseAlarms).toHaveLength(1);
  });
});

describe('summariseAccidents', () => {
  it('gives recall over crashes and precision over every accident alarm', () => {
    const found = {
      truth,
      score: scoreClip(
        [raised('traffic.accident', 'collision', 12), raised('traffic.accident', 'sudden_stop', 13)],
        truth,
      ),
    };
    const missed = { truth, score: scoreClip([], truth) };
    const normal = {
      truth: { impactS: null, stoppedS: null },
      score: scoreClip([raised('traffic.accident', 'collision', 2)], { impactS: null, stoppedS: null }),
    };
    const summary = summariseAccidents([found, missed, normal]);
    expect(summary.recall).toBe(0.5);
    expect(summary.precision).toBeCloseTo(1 / 3);
    expect(summary.meanDelayS).toBeCloseTo(2);
    expect(summary.falseAlarms).toBe(1);
    expect(summary.crashes).toBe(2);
    expect(summary.onTime).toBe(0); // found 2 s after the impact, but its onset is 2 s late too
  });

  it('counts a crash on time only within 3 s of the impact and with its onset within 1 s', () => {
    const at = (openedS: number, onsetS: number) => ({
      truth,
      score: scoreClip([raised('traffic.accident', 'collision', openedS, onsetS)], truth),
    });
    expect(summariseAccidents([at(13, 10.5)]).onTime).toBe(1);
    expect(summariseAccidents([at(13.5, 10.5)]).onTime).toBe(0);
    expect(summariseAccidents([at(12, 11.5)]).onTime).toBe(0);
  });
});
