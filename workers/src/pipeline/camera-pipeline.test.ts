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
