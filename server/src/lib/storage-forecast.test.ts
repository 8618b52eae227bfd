// Storage forecasts: hours until the volume is full, and water-filled days of footage per camera.
import { describe, expect, it } from 'vitest';
import { capacityBytes, daysForecast, hoursLeft } from './storage-forecast';

const GB = 1e9;

describe('hoursLeft', () => {
  const space = { quotaBytes: 100 * GB, usedBytes: 90 * GB, freeBytes: 300 * GB, freeFloorBytes: 10 * GB };
  it('is null when protected footage levels off within the capacity: a full quota is normal, the oldest goes', () => {
    expect(hoursLeft(space, { nowBytes: 50 * GB, steadyBytes: 80 * GB }, 2 * GB)).toBeNull();
  });
  it('counts the hours until protected footage fills the capacity when it would outgrow it', () => {
    expect(hoursLeft(space, { nowBytes: 60 * GB, steadyBytes: 150 * GB }, 2 * GB)).toBe(20);
    // The disk above its floor is the limit when it is smaller than the quota.
    expect(
      hoursLeft({ ...space, freeBytes: 20 * GB }, { nowBytes: 60 * GB, steadyBytes: 150 * GB }, 2 * GB),
    ).toBe(20);
  });
  it('is 0 once protected footage fills it, and null when nothing is written', () => {
    expect(hoursLeft(space, { nowBytes: 120 * GB, steadyBytes: 150 * GB }, 2 * GB)).toBe(0);
    expect(hoursLeft(space, { nowBytes: 120 * GB, steadyBytes: 150 * GB }, 0)).toBeNull();
  });
});

describe('capacityBytes', () => {
  it('is the quota, or what the disk can take above its floor when that is less', () => {
    expect(capacityBytes({ quotaBytes: 100, usedBytes: 20, freeBytes: 500, freeFloorBytes: 10 })).toBe(100);
    expect(capacityBytes({ quotaBytes: 100, usedBytes: 20, freeBytes: 50, freeFloorBytes: 10 })).toBe(60);
  });
});

describe('daysForecast', () => {
  it('gives every camera the same span when none reaches its max days', () => {
    expect(
      daysForecast(300, [
        { bytesPerDay: 10, maxDays: 30 },
        { bytesPerDay: 20, maxDays: 30 },
      ]),
    ).toEqual([10, 10]);
  });
  it('caps a camera at its max days and shares what it leaves among the others', () => {
    // The first keeps 5 days (50 bytes); the other 250 bytes last the second 12.5 days.
    expect(
      daysForecast(300, [
        { bytesPerDay: 10, maxDays: 5 },
        { bytesPerDay: 20, maxDays: 30 },
      ]),
    ).toEqual([5, 12.5]);
  });
  it('keeps max days when there is room for all, and for a camera that writes nothing', () => {
    expect(
      daysForecast(1e6, [
        { bytesPerDay: 10, maxDays: 7 },
        { bytesPerDay: 0, maxDays: 30 },
      ]),
    ).toEqual([7, 30]);
    expect(daysForecast(0, [{ bytesPerDay: 10, maxDays: 7 }])).toEqual([0]);
  });
});
