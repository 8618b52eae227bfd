import { describe, expect, it } from 'vitest';
import { eventFixture } from '../testing/event-fixture';
import { initialSoundState, nextSound, soundingSeverity } from './alarm-sound-policy';

const critical = eventFixture(1, { severity: 'critical', status: 'open' });
const high = eventFixture(2, { severity: 'high', status: 'open' });
const low = eventFixture(3, { severity: 'low', status: 'open' });

describe('soundingSeverity', () => {
  it('is the most severe unacknowledged alarm that has a tone', () => {
    expect(soundingSeverity([high, critical, low])).toBe('critical');
    expect(soundingSeverity([low])).toBeNull();
    expect(soundingSeverity([{ ...critical, status: 'acknowledged' }, high])).toBe('high');
  });
});

describe('nextSound', () => {
  it('plays a new alarm at once with its own severity, then repeats the most severe until acknowledged', () => {
    let state = nextSound(initialSoundState(), [high], 0).state;
    const arrival = nextSound(state, [high, critical], 1000);
    expect(arrival.play).toBe('critical');
    state = arrival.state;
    expect(nextSound(state, [high, critical], 15_000).play).toBeNull();
    const repeat = nextSound(state, [high, critical], 16_000);
    expect(repeat.play).toBe('critical');
    // The critical one acknowledged: the high one repeats at its own, slower pace.
    const acknowledged = [high, { ...critical, status: 'acknowledged' as const }];
    expect(nextSound(repeat.state, acknowledged, 30_000).play).toBeNull();
    expect(nextSound(repeat.state, acknowledged, 46_000).play).toBe('high');
  });

  it('stays silent once everything is acknowledged, and for low alarms', () => {
    const state = nextSound(initialSoundState(), [critical], 0).state;
    expect(nextSound(state, [{ ...critical, status: 'acknowledged' }], 60_000).play).toBeNull();
    expect(nextSound(initialSoundState(), [low], 0).play).toBeNull();
  });

  it('does not burst out on page load for alarms already waiting, but repeats them', () => {
    const loaded = nextSound(initialSoundState(), [critical, high], 0, false);
    expect(loaded.play).toBeNull();
    expect(nextSound(loaded.state, [critical, high], 14_000).play).toBeNull();
    expect(nextSound(loaded.state, [critical, high], 15_000).play).toBe('critical');
  });
});
