// Medium: the whole pipeline (ffmpeg, motion gate, YOLOX-nano, tracker, placement, rules) on the real clips.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Detector, sharedDir } from '@toc/models';
import { calibrate } from '@toc/server/geometry/calibration';
import { runFfmpeg } from '../src/export/ffmpeg-process';
import { runClip } from '../src/pipeline/clip-runner';
import { PEDESTRIAN_SCENE, STREET_SCENE, streetCalibrationPairs } from '@toc/server/db/demo-scenes';
import { sceneSetupOf } from '../src/pipeline/scene-setup';
import type { IncidentAction } from '../src/rules/incident-book';
import type { CrowdSample } from '../src/rules/crowd.rule';
import type { LineCount } from '../src/rules/line-counter';

let detector: Detector;
const media = (name: string) => path.join(sharedDir(), 'media', name);
const camera = { lon: 101.0536, lat: 13.7072 };

beforeAll(async () => {
  detector = await Detector.load('yolox_nano_416', { threads: 2 });
});

afterAll(async () => {
  await detector?.close();
});

describe('street clip', () => {
  it('tracks vehicles with stable ids, places them on the ground, counts line crossings and raises no accident', async () => {
    const fit = calibrate(streetCalibrationPairs(camera, 80));
    if (!fit.ok) throw new Error(fit.reason);
    const actions: IncidentAction[] = [];
    const counts: LineCount[] = [];
    let maxConfirmed = 0;
    let placed = 0;
    const speeds: number[] = [];
    const summary = await runClip({
      file: media('odc_street_traffic_640x360_30fps.mp4'),
      detector,
      scene: sceneSetupOf(STREET_SCENE, { homography: fit.homography, origin: fit.origin }),
      fps: 5,
      gating: true,
      rules: { lines: { intervalS: 5 } },
      onFrame: ({ step }) => {
        const confirmed = step.tracks.filter((t) => t.state === 'confirmed');
        maxConfirmed = Math.max(maxConfirmed, confirmed.length);
        for (const t of confirmed) {
          const newest = t.history[t.history.length - 1];
          if (newest?.ground) placed++;
          if (newest?.speedKmh != null) speeds.push(newest.speedKmh);
        }
        actions.push(...step.rules.incidentActions);
        counts.push(...step.rules.lineCounts);
      },
    });
    expect(summary.frames).toBeGreaterThan(70);
    expect(maxConfirmed).toBeGreaterThanOrEqual(8);
    expect(placed).toBeGreaterThan(100);
    // City traffic: median speed of placed vehicles well below motorway speed, and some of them move.
    speeds.sort((a, b) => a - b);
    expect(speeds[Math.floor(speeds.length / 2)]).toBeLessThan(80);
    expect(speeds[speeds.length - 1]).toBeGreaterThan(5);
    const accidents = actions.filter((a) => a.action === 'open' && a.signal.type === 'traffic.accident');
    expect(accidents).toEqual([]);
    const crossed = counts.flatMap((c) => Object.values(c.counts)).reduce((sum, c) => sum + c.forward + c.reverse, 0);
    expect(crossed).toBeGreaterThanOrEqual(3);
  });
});

describe('tiling', () => {
  it('finds more of the small, distant vehicles on a 2 × 1 grid of tiles than in one view', async () => {
    const vehicles = async (tiling: 'none' | '2x1' | 'whole+2x1') => {
      let found = 0;
      await runClip({
        file: media('odc_street_traffic_640x360_30fps.mp4'),
        detector,
        scene: sceneSetupOf(STREET_SCENE),
        fps: 1,
        gating: false,
        tiling,
        onFrame: ({ detections }) => void (found += (detections ?? []).filter((d) => d.label === 'car' && d.score >= 0.5).length),
      });
      return found;
    };
    const single = await vehicles('none');
    const tiled = await vehicles('2x1');
    const both = await vehicles('whole+2x1');
    expect(single).toBeGreaterThan(50);
    expect(tiled).toBeGreaterThan(single * 1.3);
    // The whole picture adds the near vehicles the tiles cut and counts none twice.
    expect(both).toBeGreaterThanOrEqual(tiled);
    expect(both).toBeLessThan(tiled * 1.15);
  });

  it('keeps an elephant that fills the picture, which every 2 × 2 tile cuts, when it also looks at the whole', async () => {
    // A real dev photo (one elephant, close up) made a 1 s clip at 1280×720 as a camera beside a path would see it.
    const photos = path.join(sharedDir(), 'media', 'elephants_openimages_dev', 'images');
    const photo = (await readdir(photos)).find((name) => name.startsWith('6fc6d2fb5a34af59'));
    if (!photo) throw new Error('the close-up elephant photo is missing from ../shared/media');
    const dir = await mkdtemp(path.join(tmpdir(), 'toc-near-elephant-'));
    try {
      const clip = path.join(dir, 'near.mp4');
      await runFfmpeg({
        args: ['-loglevel', 'error', '-loop', '1', '-framerate', '5', '-t', '1', '-i', path.join(photos, photo)]
          .concat(['-vf', 'scale=1280:720,format=yuv420p', '-c:v', 'libx264', clip]),
      });
      const elephantsWiderThanHalf = async (tiling: 'none' | '2x2' | 'whole+2x2') => {
        let frames = 0;
        await runClip({
          file: clip,
          detector,
          scene: sceneSetupOf({ zones: [], lines: [] }),
          fps: 5,
          gating: false,
          tiling,
          onFrame: ({ detections }) => {
            const wide = (detections ?? []).filter((d) => d.label === 'elephant' && d.score >= 0.5 && d.box[2] - d.box[0] > 640);
            if (wide.length === 1) frames++;
          },
        });
        return frames;
      };
      expect(await elephantsWiderThanHalf('none')).toBe(5);
      expect(await elephantsWiderThanHalf('2x2')).toBe(0);
      expect(await elephantsWiderThanHalf('whole+2x2')).toBe(5);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('pedestrian clip', () => {
  it('counts people in the crowd zone every 10 s and raises a crowd alert above the threshold', async () => {
    const samples: CrowdSample[] = [];
    const actions: IncidentAction[] = [];
    await runClip({
      file: media('opencv_vtest.avi'),
      detector,
      scene: sceneSetupOf(PEDESTRIAN_SCENE),
      fps: 5,
      gating: true,
      maxFrames: 5 * 40,
      onFrame: ({ step }) => {
        samples.push(...step.rules.crowdSamples);
        actions.push(...step.rules.incidentActions);
      },
    });
    expect(samples.length).toBeGreaterThanOrEqual(3);
    for (const s of samples) {
      expect(s.meanCount).toBeGreaterThan(3);
      expect(s.meanCount).toBeLessThan(15);
    }
    expect(actions.some((a) => a.action === 'open' && a.signal.kind === 'crowd_alert')).toBe(true);
  });
});
