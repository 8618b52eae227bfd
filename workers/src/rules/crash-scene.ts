// What follows a crash in the same view — vehicles left standing, sudden stops, people on the road, later contacts —
// is part of its incident, counted in its detail, not alarms of their own; the crash is held a while after its own
// rule falls silent so that what follows still finds it. Pure.
import type { RuleSignal } from '../pipeline/types';

const CRASH_SCENE_KINDS = new Set(['stopped_vehicle', 'sudden_stop', 'person_on_road']);

/** The view this frame, as the fold needs it. */
export interface ViewNow {
  /** When each vehicle now standing in a roadway zone came to rest. */
  stoppedSince: readonly number[];
  /** When each person now on the carriageway stepped onto it. */
  onRoadSince: readonly number[];
}

export interface FoldedSignals {
  signals: RuleSignal[];
  /** The crash's scene is still there: its hold should restart. */
  sceneLasts: boolean;
}

/** The crash of the view as last signalled, and when its rule or its scene was last seen. */
export interface HeldCrash {
  signal: RuleSignal;
  seenAt: number;
}

/**
 * The crash is the earliest-begun accident signal (a collision, or a sudden stop when no contact was seen). Later
 * accidents (other contacts, a party of the crash striking the fallen rider, a sudden stop behind it) and the scene
 * signals are folded into it; another rule's signal for the crash itself (its key) is left to the incident book.
 * Vehicles that stopped and people who stepped onto the road since it began count too, before they would be alarms.
 */
export function foldIntoCrash(signals: readonly RuleSignal[], view: ViewNow): FoldedSignals {
  const accidents = signals.filter((s) => s.type === 'traffic.accident').sort((a, b) => a.onset - b.onset);
  const crash = accidents[0];
  if (!crash) return { signals: [...signals], sceneLasts: false };
  const later = new Set(accidents.slice(1).filter((s) => s.key !== crash.key));
  const kept = signals.filter((s) => !later.has(s));
  const scene = kept.filter((s) => s !== crash && CRASH_SCENE_KINDS.has(s.kind));
  const stopped = view.stoppedSince.filter((at) => at >= crash.onset).length;
  const onRoad = view.onRoadSince.filter((at) => at >= crash.onset).length;
  if (scene.length + stopped + onRoad === 0) return { signals: kept, sceneLasts: false };
  const folded: RuleSignal = {
    ...crash,
    detail: {
      ...crash.detail,
      stoppedVehicles: Math.max(stopped, scene.filter((s) => s.kind !== 'person_on_road').length),
      peopleOnRoad: Math.max(onRoad, scene.filter((s) => s.kind === 'person_on_road').length),
    },
  };
  return {
    signals: kept.flatMap((s) => (s === crash ? [folded] : CRASH_SCENE_KINDS.has(s.kind) ? [] : [s])),
    sceneLasts: true,
  };
}

/**
 * Folds this frame's signals into the crash, with the crash `held` from earlier frames when its own rule no longer
 * signals it (a sudden stop whose vehicle then becomes a party to a contact, a collision whose tracks were lost in
 * dropped frames): what follows within `holdMs` of when it or its scene was last seen is part of it, not a second
 * alarm. Returns, besides the fold, the crash to hold next frame (null once the hold has run out).
 */
export function foldWithHeldCrash(
  signals: readonly RuleSignal[],
  view: ViewNow,
  held: HeldCrash | null,
  t: number,
  holdMs: number,
): FoldedSignals & { held: HeldCrash | null } {
  const live = held && t - held.seenAt <= holdMs ? held : null;
  if (!live || signals.some((s) => s.key === live.signal.key)) {
    const folded = foldIntoCrash(signals, view);
    const crash = folded.signals.find((s) => s.type === 'traffic.accident');
    return { ...folded, held: crash ? { signal: crash, seenAt: t } : live };
  }
  // Its rule is silent: the held crash takes in what follows, and is signalled only when there is something to take
  // in (so its alarm ends as it would have, when nothing follows).
  const folded = foldIntoCrash([...signals, live.signal], view);
  const crash = folded.signals.find((s) => s.type === 'traffic.accident')!;
  const followed = folded.sceneLasts || signals.some((s) => s.type === 'traffic.accident');
  if (!followed) return { signals: [...signals], sceneLasts: false, held: live };
  return { ...folded, held: { signal: crash, seenAt: t } };
}
