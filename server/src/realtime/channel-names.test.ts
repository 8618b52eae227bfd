// Channel names per deployment: the default prefix keeps the names of old, and two prefixes share none.
import { describe, expect, it } from 'vitest';
import { channelNames } from './channel-names';

describe('channelNames', () => {
  it('gives the default prefix the names deployments have always used', () => {
    expect(channelNames('toc')).toEqual({
      events: 'toc:events',
      cameraStatus: 'toc:camera-status',
      objects: 'toc:objects',
      buses: 'toc:buses',
      stopArrivals: 'toc:stop-arrivals',
      footageRequests: 'toc:footage-requests',
      crashesChanged: 'toc:crashes-changed',
      cameraConfig: 'toc:camera-config',
      sessionEnded: 'toc:session-ended',
    });
  });

  it('puts every channel under the given prefix, none shared between two prefixes', () => {
    const a = Object.values(channelNames('site-a'));
    const b = Object.values(channelNames('site-b'));
    expect(a.every((name) => name.startsWith('site-a:'))).toBe(true);
    expect(new Set(a).size).toBe(a.length);
    expect(a.filter((name) => b.includes(name))).toEqual([]);
  });
});
