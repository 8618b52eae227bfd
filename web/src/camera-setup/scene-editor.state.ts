// The scene editor as a reducer: the draft zones and lines, what is selected, and the drawing tool in use.
import type { ImagePoint } from '@toc/server/schemas';
import { directionBetween } from './geometry';
import { newKey, type DraftLine, type DraftZone, type SceneDraft } from './scene-draft';

export type Tool =
  | { kind: 'idle' }
  /** Clicking corners of a new zone. */
  | { kind: 'zone'; points: ImagePoint[] }
  /** Clicking the two ends of a new counting line. */
  | { kind: 'line'; points: ImagePoint[] }
  /** Clicking the tail, then the head, of a roadway's travel arrow. */
  | { kind: 'direction'; zoneKey: number; from: ImagePoint | null };

export type Selection = { group: 'zones' | 'lines'; key: number } | null;

export interface EditorState {
  draft: SceneDraft;
  tool: Tool;
  selected: Selection;
  /** True once anything differs from what was loaded. */
  dirty: boolean;
}

export type EditorAction =
  | { type: 'reset'; draft: SceneDraft }
  | { type: 'startZone' }
  | { type: 'startLine' }
  | { type: 'startDirection'; zoneKey: number }
  | { type: 'stopTool' }
  /** A click on the picture; `closesZone` when it landed on the first corner of the zone being drawn. */
  | { type: 'click'; point: ImagePoint; closesZone: boolean }
  | { type: 'finishZone' }
  | { type: 'undoPoint' }
  | { type: 'select'; selection: Selection }
  | { type: 'changeZone'; zone: DraftZone }
  | { type: 'changeLine'; line: DraftLine }
  | { type: 'moveVertex'; zoneKey: number; index: number; point: ImagePoint }
  | { type: 'insertVertex'; zoneKey: number; after: number }
  | { type: 'removeVertex'; zoneKey: number; index: number }
  | { type: 'moveLineEnd'; lineKey: number; index: 0 | 1; point: ImagePoint }
  | { type: 'delete'; group: 'zones' | 'lines'; key: number };

export const initialEditorState = (draft: SceneDraft): EditorState => ({ draft, tool: { kind: 'idle' }, selected: null, dirty: false });

/** New zones start as roadways (what most traffic cameras watch); the form asks for the direction and names. */
const newZone = (polygon: ImagePoint[]): DraftZone => ({ key: newKey(), kind: 'roadway', name: '', nameTh: '', polygon });
const newLine = (points: [ImagePoint, ImagePoint]): DraftLine => ({ key: newKey(), name: '', nameTh: '', points });

function mapZone(state: EditorState, key: number, change: (zone: DraftZone) => DraftZone): EditorState {
  return {
    ...state,
    dirty: true,
    draft: { ...state.draft, zones: state.draft.zones.map((zone) => (zone.key === key ? change(zone) : zone)) },
  };
}

function mapLine(state: EditorState, key: number, change: (line: DraftLine) => DraftLine): EditorState {
  return {
    ...state,
    dirty: true,
    draft: { ...state.draft, lines: state.draft.lines.map((line) => (line.key === key ? change(line) : line)) },
  };
}

function closeZone(state: EditorState, points: ImagePoint[]): EditorState {
  if (points.length < 3) return state;
  const zone = newZone(points);
  return {
    ...state,
    dirty: true,
    tool: { kind: 'idle' },
    selected: { group: 'zones', key: zone.key },
    draft: { ...state.draft, zones: [...state.draft.zones, zone] },
  };
}

function click(state: EditorState, point: ImagePoint, closesZone: boolean): EditorState {
  const { tool } = state;
  switch (tool.kind) {
    case 'zone':
      if (closesZone && tool.points.length >= 3) return closeZone(state, tool.points);
      return { ...state, tool: { kind: 'zone', points: [...tool.points, point] } };
    case 'line': {
      const first = tool.points[0];
      if (!first) return { ...state, tool: { kind: 'line', points: [point] } };
      const line = newLine([first, point]);
      return {
        ...state,
        dirty: true,
        tool: { kind: 'idle' },
        selected: { group: 'lines', key: line.key },
        draft: { ...state.draft, lines: [...state.draft.lines, line] },
      };
    }
    case 'direction': {
      if (!tool.from) return { ...state, tool: { ...tool, from: point } };
      const direction = directionBetween(tool.from, point);
      return { ...mapZone(state, tool.zoneKey, (zone) => ({ ...zone, direction })), tool: { kind: 'idle' } };
    }
    case 'idle':
      // A click on empty picture clears the selection.
      return state.selected ? { ...state, selected: null } : state;
  }
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'reset':
      return initialEditorState(action.draft);
    case 'startZone':
      return { ...state, tool: { kind: 'zone', points: [] }, selected: null };
    case 'startLine':
      return { ...state, tool: { kind: 'line', points: [] }, selected: null };
    case 'startDirection':
      return { ...state, tool: { kind: 'direction', zoneKey: action.zoneKey, from: null } };
    case 'stopTool':
      return { ...state, tool: { kind: 'idle' } };
    case 'click':
      return click(state, action.point, action.closesZone);
    case 'finishZone':
      return state.tool.kind === 'zone' ? closeZone(state, state.tool.points) : state;
    case 'undoPoint':
      if (state.tool.kind === 'zone' || state.tool.kind === 'line') {
        return { ...state, tool: { ...state.tool, points: state.tool.points.slice(0, -1) } };
      }
      return state;
    case 'select':
      return { ...state, selected: action.selection, tool: { kind: 'idle' } };
    case 'changeZone':
      return mapZone(state, action.zone.key, () => action.zone);
    case 'changeLine':
      return mapLine(state, action.line.key, () => action.line);
    case 'moveVertex':
      return mapZone(state, action.zoneKey, (zone) => ({
        ...zone,
        polygon: zone.polygon.map((p, i) => (i === action.index ? action.point : p)),
      }));
    case 'insertVertex':
      return mapZone(state, action.zoneKey, (zone) => {
        const a = zone.polygon[action.after];
        const b = zone.polygon[(action.after + 1) % zone.polygon.length];
        if (!a || !b) return zone;
        const middle: ImagePoint = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
        return { ...zone, polygon: [...zone.polygon.slice(0, action.after + 1), middle, ...zone.polygon.slice(action.after + 1)] };
      });
    case 'removeVertex':
      // A zone keeps at least three corners.
      return mapZone(state, action.zoneKey, (zone) =>
        zone.polygon.length > 3 ? { ...zone, polygon: zone.polygon.filter((_, i) => i !== action.index) } : zone,
      );
    case 'moveLineEnd':
      return mapLine(state, action.lineKey, (line) => {
        const points: [ImagePoint, ImagePoint] = [line.points[0], line.points[1]];
        points[action.index] = action.point;
        return { ...line, points };
      });
    case 'delete': {
      const draft =
        action.group === 'zones'
          ? { ...state.draft, zones: state.draft.zones.filter((zone) => zone.key !== action.key) }
          : { ...state.draft, lines: state.draft.lines.filter((line) => line.key !== action.key) };
      const selected = state.selected?.key === action.key ? null : state.selected;
      return { ...state, draft, selected, dirty: true, tool: { kind: 'idle' } };
    }
  }
}
