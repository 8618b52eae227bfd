import { describe, expect, it } from 'vitest';
import type { ImagePoint } from '@toc/server/schemas';
import { editorReducer, initialEditorState, type EditorAction, type EditorState } from './scene-editor.state';

const run = (actions: EditorAction[], state: EditorState = initialEditorState({ zones: [], lines: [] })) =>
  actions.reduce(editorReducer, state);
const click = (point: ImagePoint, closesZone = false): EditorAction => ({ type: 'click', point, closesZone });

describe('scene editor', () => {
  it('draws a zone corner by corner and closes it on the first corner, selecting it', () => {
    const state = run([{ type: 'startZone' }, click([0.1, 0.1]), click([0.5, 0.1]), click([0.5, 0.5]), click([0.1, 0.1], true)]);
    expect(state.tool.kind).toBe('idle');
    expect(state.dirty).toBe(true);
    expect(state.draft.zones).toHaveLength(1);
    expect(state.draft.zones[0]!.polygon).toEqual([[0.1, 0.1], [0.5, 0.1], [0.5, 0.5]]);
    expect(state.selected).toEqual({ group: 'zones', key: state.draft.zones[0]!.key });
  });

  it('does not close a zone with fewer than three corners; Finish closes it once it has three', () => {
    const two = run([{ type: 'startZone' }, click([0.1, 0.1]), click([0.5, 0.1]), { type: 'finishZone' }]);
    expect(two.draft.zones).toHaveLength(0);
    expect(two.tool).toEqual({ kind: 'zone', points: [[0.1, 0.1], [0.5, 0.1]] });
    const three = run([click([0.5, 0.5]), { type: 'finishZone' }], two);
    expect(three.draft.zones).toHaveLength(1);
  });

  it('removes the last corner while drawing', () => {
    const state = run([{ type: 'startZone' }, click([0.1, 0.1]), click([0.5, 0.1]), { type: 'undoPoint' }]);
    expect(state.tool).toEqual({ kind: 'zone', points: [[0.1, 0.1]] });
  });

  it('makes a counting line from two clicks', () => {
    const state = run([{ type: 'startLine' }, click([0.1, 0.7]), click([0.9, 0.7])]);
    expect(state.draft.lines.map((l) => l.points)).toEqual([[[0.1, 0.7], [0.9, 0.7]]]);
    expect(state.tool.kind).toBe('idle');
  });

  it("sets a roadway's direction from a tail click and a head click, in image fractions", () => {
    const drawn = run([{ type: 'startZone' }, click([0.1, 0.1]), click([0.5, 0.1]), click([0.5, 0.5]), { type: 'finishZone' }]);
    const key = drawn.draft.zones[0]!.key;
    const state = run([{ type: 'startDirection', zoneKey: key }, click([0.3, 0.2]), click([0.3, 0.6])], drawn);
    expect(state.draft.zones[0]!.direction![0]).toBeCloseTo(0);
    expect(state.draft.zones[0]!.direction![1]).toBeCloseTo(0.4);
  });

  it('moves, inserts and removes corners, but keeps at least three', () => {
    const drawn = run([{ type: 'startZone' }, click([0, 0]), click([1, 0]), click([1, 1]), { type: 'finishZone' }]);
    const zoneKey = drawn.draft.zones[0]!.key;
    const moved = run([{ type: 'moveVertex', zoneKey, index: 2, point: [0.8, 0.8] }], drawn);
    expect(moved.draft.zones[0]!.polygon[2]).toEqual([0.8, 0.8]);
    const inserted = run([{ type: 'insertVertex', zoneKey, after: 0 }], moved);
    expect(inserted.draft.zones[0]!.polygon).toEqual([[0, 0], [0.5, 0], [1, 0], [0.8, 0.8]]);
    const removed = run([{ type: 'removeVertex', zoneKey, index: 1 }, { type: 'removeVertex', zoneKey, index: 0 }], inserted);
    expect(removed.draft.zones[0]!.polygon).toHaveLength(3);
  });

  it('deletes a zone and clears the selection that pointed at it', () => {
    const drawn = run([{ type: 'startZone' }, click([0, 0]), click([1, 0]), click([1, 1]), { type: 'finishZone' }]);
    const state = run([{ type: 'delete', group: 'zones', key: drawn.draft.zones[0]!.key }], drawn);
    expect(state.draft.zones).toHaveLength(0);
    expect(state.selected).toBeNull();
  });
});
