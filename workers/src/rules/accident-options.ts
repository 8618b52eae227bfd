// The road-incident rules' options: every threshold in one object a camera can override in part, with the defaults.
import { DEFAULT_AFTERMATH_OPTIONS, type AftermathOptions } from './aftermath.rule';
import { DEFAULT_COLLISION_OPTIONS, type CollisionOptions } from './collision.rule';
import { DEFAULT_CONGESTION_OPTIONS, type CongestionOptions } from './congestion.rule';
import { DEFAULT_IMPACT_OPTIONS, type ImpactOptions } from './impact.rule';
import {
  DEFAULT_MOTION_OPTIONS,
  type AbruptCriteria,
  type MotionOptions,
  type SpeedPair,
} from './motion-stats';

export interface AccidentOptions {
  motion: MotionOptions;
  /** Tracks need this much history before any rule looks at them. */
  minTrackAgeS: number;
  /** A vehicle that moved and then stands still in a lane longer than this is reported… */
  stoppedAfterS: number;
  /** …and becomes high severity after this. */
  stoppedHighAfterS: number;
  /** When the vehicle would be reported and this many others in the zone are stopped too, it is a queue (signal, jam). */
  queueSuppressCount: number;
  sudden: AbruptCriteria;
  collision: CollisionOptions;
  impact: ImpactOptions;
  /**
   * A crash is held this long after its rule and its scene were last seen: a later accident in the view (a sudden stop
   * that becomes a contact, a contact found again after lost tracks) folds into it instead of raising its own alarm.
   */
  crashHoldS: number;
  /** A crash found by what it leaves: people standing on the carriageway around a vehicle stopped in it. */
  aftermath: AftermathOptions;
  /** A person on the carriageway this long, staying within personLingerBh of where they were, is reported… */
  personOnRoadS: number;
  personLingerBh: number;
  /** …and one walking on (along or across a wide road) only after this long: crossing is normal, standing is not. */
  personWalkingOnRoadS: number;
  /**
   * A person within this many of their own heights of the carriageway's edge is at the roadside (the kerb, the edge
   * line, a zone drawn a little wide), not on it.
   */
  roadsideMarginBh: number;
  /** A person box covered this much by a two-wheeler box is its rider… */
  riderCoverage: number;
  /** …and this much by another vehicle's box, a passenger (open truck beds, songthaews). */
  passengerCoverage: number;
  /** A "person" faster than this is riding something the detector missed. */
  pedestrianMaxSpeed: SpeedPair;
  /** Wrong way: displacement over this window… */
  wrongWayWindowS: number;
  /** …with cosine to the zone direction below this… */
  wrongWayCos: number;
  /** …of at least this many box heights… */
  wrongWayMinBh: number;
  /** …held for this long. */
  wrongWayHoldS: number;
  /** Short breaks in a condition (zone edge jitter, a missed frame) tolerated this long. */
  graceS: number;
  /** Memory of a track not seen for this long is dropped. */
  forgetAfterS: number;
  congestion: CongestionOptions;
}

export const DEFAULT_ACCIDENT_OPTIONS: AccidentOptions = {
  motion: DEFAULT_MOTION_OPTIONS,
  minTrackAgeS: 1.5,
  stoppedAfterS: 20,
  stoppedHighAfterS: 60,
  queueSuppressCount: 3,
  sudden: { minSpeed: { kmh: 20, bhS: 2 }, dropRatio: 0.8, keepRatio: 0.7 },
  collision: DEFAULT_COLLISION_OPTIONS,
  impact: DEFAULT_IMPACT_OPTIONS,
  crashHoldS: 20,
  aftermath: DEFAULT_AFTERMATH_OPTIONS,
  personOnRoadS: 3,
  personLingerBh: 1.5,
  personWalkingOnRoadS: 20,
  roadsideMarginBh: 0.3,
  riderCoverage: 0.3,
  passengerCoverage: 0.6,
  pedestrianMaxSpeed: { kmh: 15, bhS: 3 },
  wrongWayWindowS: 1.5,
  wrongWayCos: -0.5,
  wrongWayMinBh: 0.5,
  wrongWayHoldS: 1,
  graceS: 1,
  forgetAfterS: 30,
  congestion: DEFAULT_CONGESTION_OPTIONS,
};

type Nested = 'motion' | 'sudden' | 'collision' | 'impact' | 'aftermath' | 'congestion';
export type AccidentOptionsInput = Partial<Omit<AccidentOptions, Nested>> & {
  motion?: Partial<MotionOptions>;
  sudden?: Partial<AbruptCriteria>;
  collision?: Partial<CollisionOptions>;
  impact?: Partial<ImpactOptions>;
  aftermath?: Partial<AftermathOptions>;
  congestion?: Partial<CongestionOptions>;
};

export function resolveAccidentOptions(input: AccidentOptionsInput = {}): AccidentOptions {
  const d = DEFAULT_ACCIDENT_OPTIONS;
  return {
    ...d,
    ...input,
    motion: { ...d.motion, ...input.motion },
    sudden: { ...d.sudden, ...input.sudden },
    collision: { ...d.collision, ...input.collision },
    impact: { ...d.impact, ...input.impact },
    aftermath: { ...d.aftermath, ...input.aftermath },
    congestion: { ...d.congestion, ...input.congestion },
  };
}
