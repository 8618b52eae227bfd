// Retention drafts: typed values to settings, what changed, and one change applied over several cameras.
import { describe, expect, it } from 'vitest';
import { applyBulk, draftOf, EMPTY_BULK, isBulkEmpty, isChanged, settingsOf } from './retention-draft';

const saved = { enabled: true, minDays: 7, maxDays: 30, priority: 50 };

describe('retention draft', () => {
  it('round-trips the saved settings and sees no change', () => {
    expect(settingsOf(draftOf(saved))).toEqual(saved);
    expect(isChanged(draftOf(saved), saved)).toBe(false);
  });
  it('reads decimals (with a comma too) and sees the change', () => {
    const draft = { ...draftOf(saved), maxDays: ' 14,5 ' };
    expect(settingsOf(draft)).toEqual({ ...saved, maxDays: 14.5 });
    expect(isChanged(draft, saved)).toBe(true);
  });
  it('refuses an empty or unreadable field, and leaves the ranges to the server', () => {
    expect(settingsOf({ ...draftOf(saved), minDays: '' })).toBeNull();
    expect(settingsOf({ ...draftOf(saved), priority: 'high' })).toBeNull();
    expect(settingsOf({ ...draftOf(saved), minDays: '40' })).toEqual({ ...saved, minDays: 40 });
  });
});

describe('bulk change', () => {
  it('is empty until something is filled in', () => {
    expect(isBulkEmpty(EMPTY_BULK)).toBe(true);
    expect(isBulkEmpty({ ...EMPTY_BULK, priority: ' ' })).toBe(true);
    expect(isBulkEmpty({ ...EMPTY_BULK, enabled: 'off' })).toBe(false);
  });
  it("keeps each camera's own value where the change is empty", () => {
    expect(applyBulk(saved, { ...EMPTY_BULK, maxDays: '60' })).toEqual({ ...saved, maxDays: 60 });
    expect(applyBulk({ ...saved, priority: 10 }, { ...EMPTY_BULK, enabled: 'off', minDays: '3' })).toEqual({
      enabled: false,
      minDays: 3,
      maxDays: 30,
      priority: 10,
    });
  });
  it('refuses a filled-in field that is not a number', () => {
    expect(applyBulk(saved, { ...EMPTY_BULK, minDays: 'x' })).toBeNull();
  });
});
