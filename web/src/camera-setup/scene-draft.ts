// The zones and lines being edited: built from the saved scene, turned back into the PUT body, checked as you draw.
import type { CameraScene, CameraSceneInput, CountingLineInput, ImagePoint, ZoneInput, ZoneKind } from '@toc/server/schemas';
import { validateScene, type SceneError } from '@toc/server/geometry/scene-validation';

/** A zone in the editor: `key` identifies it in lists while it has no id (new) or its index changes. */
export type DraftZone = ZoneInput & { key: number };
export type DraftLine = CountingLineInput & { key: number };

export interface SceneDraft {
  zones: DraftZone[];
  lines: DraftLine[];
}

let nextKey = 1;
export const newKey = (): number => nextKey++;

export function draftFromScene(scene: Pick<CameraScene, 'zones' | 'lines'>): SceneDraft {
  return {
    zones: scene.zones.map((zone) => ({
      key: newKey(),
      kind: zone.kind,
      name: zone.name,
      nameTh: zone.nameTh,
      polygon: zone.polygon.map(([x, y]) => [x, y] as ImagePoint),
      ...(zone.direction ? { direction: [zone.direction[0], zone.direction[1]] as [number, number] } : {}),
      ...(zone.alertAbove !== undefined ? { alertAbove: zone.alertAbove } : {}),
      ...(zone.clearBelow !== undefined ? { clearBelow: zone.clearBelow } : {}),
    })),
    lines: scene.lines.map((line) => ({
      key: newKey(),
      name: line.name,
      nameTh: line.nameTh,
      points: [[...line.points[0]], [...line.points[1]]] as [ImagePoint, ImagePoint],
    })),
  };
}

/** The PUT body: each zone keeps only the settings its kind uses (the server refuses the others). */
export function sceneInput(draft: SceneDraft): CameraSceneInput {
  return {
    zones: draft.zones.map((zone): ZoneInput => {
      const base: ZoneInput = { kind: zone.kind, name: zone.name.trim(), nameTh: zone.nameTh.trim(), polygon: zone.polygon };
      if (zone.kind === 'roadway' && zone.direction) base.direction = zone.direction;
      if (zone.kind === 'crowd_area') {
        if (zone.alertAbove !== undefined) base.alertAbove = zone.alertAbove;
        if (zone.clearBelow !== undefined) base.clearBelow = zone.clearBelow;
      }
      return base;
    }),
    lines: draft.lines.map((line) => ({ name: line.name.trim(), nameTh: line.nameTh.trim(), points: line.points })),
  };
}

/** Changing a zone's kind drops the settings the new kind does not use, so they cannot be sent by mistake. */
export function withKind(zone: DraftZone, kind: ZoneKind): DraftZone {
  const { direction, alertAbove, clearBelow, ...rest } = zone;
  return {
    ...rest,
    kind,
    ...(kind === 'roadway' && direction ? { direction } : {}),
    ...(kind === 'crowd_area' && alertAbove !== undefined ? { alertAbove } : {}),
    ...(kind === 'crowd_area' && clearBelow !== undefined ? { clearBelow } : {}),
  };
}

/** Swapping the ends of a counting line swaps which crossing counts as forward. */
export function reversed(line: DraftLine): DraftLine {
  return { ...line, points: [line.points[1], line.points[0]] };
}

export interface DraftProblems {
  zones: Map<number, SceneError[]>;
  lines: Map<number, SceneError[]>;
}

/**
 * Instant feedback with the server's own rules (self-crossing outlines, slivers, missing direction or thresholds,
 * empty or repeated names), grouped by zone and line index. The server checks again on save and stays the authority.
 */
export function draftProblems(draft: SceneDraft): DraftProblems {
  const problems: DraftProblems = { zones: new Map(), lines: new Map() };
  const verdict = validateScene(sceneInput(draft));
  if (verdict.ok) return problems;
  for (const error of verdict.errors) {
    const match = /^(zones|lines)\/(\d+)\//.exec(error.path);
    if (!match) continue;
    const group = problems[match[1] as 'zones' | 'lines'];
    const index = Number(match[2]);
    group.set(index, [...(group.get(index) ?? []), error]);
  }
  return problems;
}

/** The name in the chosen language, or the other language's while only that one is filled in. */
export function localName(item: { name: string; nameTh: string }, language: 'th' | 'en'): string {
  return (language === 'th' ? item.nameTh || item.name : item.name || item.nameTh).trim();
}

export const hasProblem = (problems: readonly SceneError[] | undefined, field: string): boolean =>
  (problems ?? []).some((p) => p.path.endsWith(`/${field}`));

export interface ServerReason {
  /** 'zones' / 'lines' and the index the reason is about, when the server named one. */
  target: { group: 'zones' | 'lines'; index: number } | null;
  text: string;
}

/**
 * The server joins scene problems as `zones/2/polygon: reason; lines/0/points: reason`. Split, so each reason can be
 * shown with the zone's or line's name instead of a 0-based path.
 */
export function splitServerReasons(message: string): ServerReason[] {
  return message
    .split('; ')
    .filter((part) => part.trim() !== '')
    .map((part) => {
      const match = /^(zones|lines)\/(\d+)(?:\/[\w]+)*: (.*)$/s.exec(part);
      if (!match) return { target: null, text: part };
      return { target: { group: match[1] as 'zones' | 'lines', index: Number(match[2]) }, text: match[3]! };
    });
}
