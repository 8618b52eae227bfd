// A crash found by what it leaves: people standing on the carriageway at a vehicle stopped in it. It catches the
// crash whose impact the camera did not see (it turned to the scene afterwards, the frames were dropped, a lorry hid
// it), and a breakdown with people on the road, which an operator should look at as well. Pure.
import { bufferBox } from '../lib/buffered-box';
import type { Box, RuleSignal } from '../pipeline/types';
import type { LonLat } from '@toc/server/schemas';
import type { Pixel } from './scene';
import { clamp01, round2 } from './signal';

export interface AftermathOptions {
  /** The vehicle has stood in the carriageway at least this long… */
  stoppedS: number;
  /**
   * …with at least this many (1 or more) people standing on the carriageway: one is enough, for a person standing
   * there raises an alarm anyway, and people step out of a crash one by one (requiring two would raise the first as a
   * person on the road, a second alarm for the same scene).
   */
  minPeople: number;
  /** …each on it at least this long (boarding a bus or a taxi takes less)… */
  standingS: number;
  /** …within this share of the vehicle's box size around it (ground points). */
  nearBox: number;
  /** A scene found is signalled while its vehicle stands, and this long after (detections flicker, people leave). */
  holdS: number;
  /** Vehicles whose stop with people around them is routine: a bus at its stop. */
  routineLabels: readonly string[];
}

export const DEFAULT_AFTERMATH_OPTIONS: AftermathOptions = {
  stoppedS: 3,
  minPeople: 1,
  standingS: 3,
  nearBox: 1.5,
  holdS: 20,
  routineLabels: ['bus'],
};

/** A vehicle standing in a roadway zone, outside a queue and a congested zone. */
export interface StandingVehicle {
  trackId: number;
  label: string;
  box: Box;
  contact: Pixel;
  stoppedSince: number;
  ground: LonLat | null;
}

/** A person standing on the carriageway (not crossing it, not riding), and since when they are on it. */
export interface StandingPerson {
  trackId: number;
  contact: Pixel;
  onRoadSince: number;
}

export interface AftermathInput {
  t: number;
  vehicles: readonly StandingVehicle[];
  people: readonly StandingPerson[];
}

interface Scene {
  onset: number;
  lastSeen: number;
  peopleIds: Set<number>;
  vehicle: StandingVehicle;
}

export interface AftermathState {
  scenes: Map<number, Scene>;
}

export const createAftermathState = (): AftermathState => ({ scenes: new Map() });

/** Whether a frame can change anything: someone stands on the carriageway, or a scene found is still held. */
export const aftermathWatching = (state: AftermathState, people: readonly StandingPerson[]): boolean =>
  people.length > 0 || state.scenes.size > 0;

const inside = ([x, y]: Pixel, box: Box) => x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3];

/** Updates `state` in place and returns this frame's signals, one per vehicle whose scene was found. */
export function evaluateAftermath(
  state: AftermathState,
  input: AftermathInput,
  options: AftermathOptions = DEFAULT_AFTERMATH_OPTIONS,
): RuleSignal[] {
  const { t } = input;
  const routine = new Set(options.routineLabels);
  const standing = input.people.filter((p) => t - p.onRoadSince >= options.standingS * 1000);
  for (const vehicle of input.vehicles) {
    const scene = state.scenes.get(vehicle.trackId);
    if (scene) {
      scene.lastSeen = t;
      scene.vehicle = vehicle;
    }
    if (routine.has(vehicle.label) || t - vehicle.stoppedSince < options.stoppedS * 1000) continue;
    const around = bufferBox(vehicle.box, options.nearBox);
    const near = standing.filter((p) => inside(p.contact, around));
    if (scene) for (const p of near) scene.peopleIds.add(p.trackId);
    else if (near.length >= options.minPeople) {
      state.scenes.set(vehicle.trackId, {
        onset: vehicle.stoppedSince,
        lastSeen: t,
        peopleIds: new Set(near.map((p) => p.trackId)),
        vehicle,
      });
    }
  }

  const signals: RuleSignal[] = [];
  for (const [id, scene] of state.scenes) {
    if (t - scene.lastSeen > options.holdS * 1000) {
      state.scenes.delete(id);
      continue;
    }
    const { vehicle } = scene;
    signals.push({
      key: `aftermath:${id}`,
      type: 'traffic.accident',
      kind: 'crash_aftermath',
      severity: 'high',
      confidence: round2(clamp01(0.5 + 0.1 * scene.peopleIds.size)),
      onset: scene.onset,
      trackIds: [id, ...scene.peopleIds],
      imagePoint: vehicle.contact,
      ground: vehicle.ground,
      detail: {
        label: vehicle.label,
        people: scene.peopleIds.size,
        stoppedForS: round2((t - vehicle.stoppedSince) / 1000),
      },
    });
  }
  return signals;
}
