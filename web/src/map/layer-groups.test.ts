// Small tests for reading the remembered layer switches.
import { describe, expect, it } from 'vitest';
import { ALL_VISIBLE, GROUP_LAYER_IDS, LAYER_GROUPS, parseVisibility } from './layer-groups';

describe('parseVisibility', () => {
  it('shows every group when nothing or something unreadable is stored', () => {
    expect(parseVisibility(null)).toEqual(ALL_VISIBLE);
    expect(parseVisibility('{not json')).toEqual(ALL_VISIBLE);
    expect(parseVisibility('[1,2]')).toEqual(ALL_VISIBLE);
  });

  it('keeps stored switches, ignores unknown groups and non-boolean values', () => {
    const visibility = parseVisibility(JSON.stringify({ objects: false, roads: false, crowd: 'no', aliens: false }));
    expect(visibility).toEqual({ ...ALL_VISIBLE, objects: false, roads: false });
  });
});

describe('GROUP_LAYER_IDS', () => {
  it('puts every map layer in exactly one group', () => {
    const ids = LAYER_GROUPS.flatMap((group) => GROUP_LAYER_IDS[group]);
    expect(ids.length).toBeGreaterThan(LAYER_GROUPS.length);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
