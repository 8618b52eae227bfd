// Other views of a labelled clip a camera could give of the same kind of event: mirrored, grey (a night infrared
// camera), low resolution, and one that starts a second before the impact. Rules tuned to a file fail on them.
import type { CameraSceneInput } from '@toc/server/schemas';
import type { LabelledClip } from './crash-clips';

export interface ClipView {
  name: string;
  /** ffmpeg filter applied to the picture before the camera's own framing; null: as recorded. */
  filter: string | null;
  /** Seconds of the file before the view starts (its times are file times less this). */
  startS: number;
  scene: CameraSceneInput;
}

/** Where a view of a crash clip starts: the camera's first frame comes this long before the impact. */
const SHORT_LEAD_S = 1;

/** The scene drawn on the mirrored picture: every point and direction reflected left to right. */
export function mirrorScene(scene: CameraSceneInput): CameraSceneInput {
  const flip = ([x, y]: readonly [number, number]): [number, number] => [1 - x, y];
  return {
    ...scene,
    zones: scene.zones.map((zone) => ({
      ...zone,
      polygon: zone.polygon.map(flip),
      ...(zone.direction ? { direction: [-zone.direction[0], zone.direction[1]] as [number, number] } : {}),
    })),
    lines: scene.lines.map((line) => ({
      ...line,
      points: [flip(line.points[0]), flip(line.points[1])],
    })),
  };
}

export function viewsOf(clip: LabelledClip): ClipView[] {
  const views: ClipView[] = [
    { name: 'as recorded', filter: null, startS: 0, scene: clip.scene },
    { name: 'mirrored', filter: 'hflip', startS: 0, scene: mirrorScene(clip.scene) },
    { name: 'grey (night infrared)', filter: 'format=gray', startS: 0, scene: clip.scene },
    {
      // A cheaper camera (CIF-like): half the pixels each way, scaled back up by the analysis, so every object is blurred.
      name: 'low resolution',
      filter: 'scale=trunc(iw/4)*2:trunc(ih/4)*2',
      startS: 0,
      scene: clip.scene,
    },
  ];
  if (clip.impactS !== null && clip.impactS > SHORT_LEAD_S) {
    const startS = clip.impactS - SHORT_LEAD_S;
    views.push({
      name: `starts ${SHORT_LEAD_S} s before the impact`,
      filter: `trim=start=${startS},setpts=PTS-STARTPTS`,
      startS,
      scene: clip.scene,
    });
  }
  return views;
}
