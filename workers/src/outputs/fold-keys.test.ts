import { describe, expect, it } from 'vitest';
import { busFoldKey, incidentFoldKey } from './fold-keys';

describe('incidentFoldKey', () => {
  it('folds the next person on the same carriageway into the same alarm, whichever track it is', () => {
    const first = incidentFoldKey(5, { type: 'traffic.incident', kind: 'person_on_road', detail: { zoneId: 3, trackId: 11 } });
    const next = incidentFoldKey(5, { type: 'traffic.incident', kind: 'person_on_road', detail: { zoneId: 3, trackId: 42 } });
    expect(next).toBe(first);
  });

  it('keeps kinds, zones and cameras apart', () => {
    const keys = new Set([
      incidentFoldKey(5, { type: 'traffic.incident', kind: 'person_on_road', detail: { zoneId: 3 } }),
      incidentFoldKey(5, { type: 'traffic.incident', kind: 'stopped_vehicle', detail: { zoneId: 3 } }),
      incidentFoldKey(5, { type: 'traffic.incident', kind: 'person_on_road', detail: { zoneId: 4 } }),
      incidentFoldKey(6, { type: 'traffic.incident', kind: 'person_on_road', detail: { zoneId: 3 } }),
      incidentFoldKey(5, { type: 'crowd.alert', kind: 'crowd_alert', detail: { zoneId: 3 } }),
    ]);
    expect(keys.size).toBe(5);
  });

  it('treats a crash as one scene per camera, whatever the rule that saw it', () => {
    const collision = incidentFoldKey(5, { type: 'traffic.accident', kind: 'collision', detail: { zoneId: 1 } });
    const suddenStop = incidentFoldKey(5, { type: 'traffic.accident', kind: 'sudden_stop', detail: { zoneId: 2 } });
    expect(suddenStop).toBe(collision);
  });
});

describe('busFoldKey', () => {
  it('is per vehicle and alarm type', () => {
    expect(busFoldKey(12, 'bus.gap')).not.toBe(busFoldKey(12, 'bus.bunching'));
    expect(busFoldKey(12, 'bus.gap')).not.toBe(busFoldKey(13, 'bus.gap'));
  });
});
