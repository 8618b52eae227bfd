// The trap's name in the UI language, falling back to English when a Thai one is missing.
import { describe, expect, it } from 'vitest';
import { eventFixture } from '../testing/event-fixture';
import { trapNameOf } from './trap-name';

describe('trapNameOf', () => {
  it('names the trap in the UI language, and nothing for a camera event', () => {
    const trap = eventFixture(1, { type: 'elephant.sighting', payload: { trapId: 3, trapName: 'Khao Ang Rue Nai trap 3', trapNameTh: 'กล้องดักเขาอ่างฤๅไน 3' } });
    expect(trapNameOf(trap, 'th')).toBe('กล้องดักเขาอ่างฤๅไน 3');
    expect(trapNameOf(trap, 'en')).toBe('Khao Ang Rue Nai trap 3');
    expect(trapNameOf(eventFixture(2, { type: 'elephant.sighting', payload: { trapName: 'Trap 9' } }), 'th')).toBe('Trap 9');
    expect(trapNameOf(eventFixture(3, { type: 'crowd.alert', payload: {} }), 'th')).toBeNull();
  });
});
