import { describe, expect, it } from 'vitest';
import type { Detection } from '@toc/models';
import { PEDESTRIAN_SCENE } from '@toc/server/db/demo-scenes';
import type { IncidentAction } from '../rules/incident-book';
import { CameraPipeline } from './camera-pipeline';
import type { FrameLayout } from './frame-layout';
import { sceneSetupOf } from './scene-setup';

const LAYOUT: FrameLayout = { frameWidth: 416, frameHeight: 416, contentWidth: 416, contentHeight: 312, colorOrder: 'BGR', sourceWidth: 768, sourceHeight: 576 };

/** Nine people standing in the plaza: above the demo crowd zone's threshold of seven. */
const crowd: Detection[] = Array.from({ length: 9 }, (_, i) => ({
  classId: 0,
  label: 'person',
  score: 0.9,
  box: [60 + i * 70, 200, 100 + i * 70, 320],
}));

describe('CameraPipeline.setScene', () => {
  it('keeps an open incident running through a scene reload instead of opening it again', () => {
    const scene = sceneSetupOf(PEDESTRIAN_SCENE);
    const pipeline = new CameraPipeline(LAYOUT, scene, { gating: false });
    const actions: IncidentAction[] = [];
    for (let i = 0; i < 5 * 60; i++) {
      // The periodic camera sync used to reload the scene every 30 s; the worker now skips an unchanged scene,
      // and a real change must not restart the alarms either.
      if (i > 0 && i % 150 === 0) pipeline.setScene(structuredClone(scene));
      actions.push(...pipeline.advance(crowd, i * 200).rules.incidentActions);
    }
    expect(actions.filter((a) => a.action === 'open')).toHaveLength(1);
    expect(actions.filter((a) => a.action === 'end')).toHaveLength(0);
  });
});

describe('CameraPipeline mask zones', () => {
  it('gives the tracker and the rules nothing that stands in a mask zone', () => {
    const masked = sceneSetupOf({
      ...PEDESTRIAN_SCENE,
      // The left of the plaza masked: four of the nine people stand in it, leaving five (under the threshold of seven).
      zones: [
        ...PEDESTRIAN_SCENE.zones,
        { kind: 'mask', name: 'Poster wall', nameTh: 'ผนังโปสเตอร์', polygon: [[0, 0], [0.45, 0], [0.45, 1], [0, 1]] },
      ],
    });
    const run = (scene: ReturnType<typeof sceneSetupOf>) => {
      const pipeline = new CameraPipeline(LAYOUT, scene, { gating: false });
      const opened: IncidentAction[] = [];
      let tracks: number[] = [];
      for (let i = 0; i < 60; i++) {
        const step = pipeline.advance(crowd, i * 200);
        opened.push(...step.rules.incidentActions.filter((a) => a.action === 'open'));
        tracks = step.tracks.map((t) => t.box[0]);
      }
      return { opened, tracks };
    };
    const plain = run(sceneSetupOf(PEDESTRIAN_SCENE));
    expect(plain.tracks).toHaveLength(9);
    expect(plain.opened).toHaveLength(1);
    const withMask = run(masked);
    expect(withMask.tracks).toEqual([340, 410, 480, 550, 620]);
    expect(withMask.opened).toEqual([]);
  });
});
