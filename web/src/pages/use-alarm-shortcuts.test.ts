import { describe, expect, it } from 'vitest';
import { eventFixture } from '../testing/event-fixture';
import { nextUnacknowledged } from './use-alarm-shortcuts';

// In priority order, as the feed shows them.
const alarms = [
  eventFixture(1, { severity: 'critical', status: 'open' }),
  eventFixture(2, { severity: 'high', status: 'acknowledged' }),
  eventFixture(3, { severity: 'high', status: 'open' }),
  eventFixture(4, { severity: 'low', status: 'open' }),
];

describe('nextUnacknowledged', () => {
  it('starts at the highest-priority unacknowledged alarm', () => {
    expect(nextUnacknowledged(alarms, null)?.id).toBe(1);
  });

  it('skips acknowledged alarms and wraps round to the top', () => {
    expect(nextUnacknowledged(alarms, 1)?.id).toBe(3);
    expect(nextUnacknowledged(alarms, 2)?.id).toBe(3);
    expect(nextUnacknowledged(alarms, 4)?.id).toBe(1);
  });

  it('has nothing to go to when all are acknowledged', () => {
    expect(nextUnacknowledged([eventFixture(2, { status: 'acknowledged' })], null)).toBeUndefined();
  });
});
