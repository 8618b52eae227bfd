import { describe, expect, it } from 'vitest';
import type { NotificationLogEntry, NotificationReach } from '@toc/server/schemas';
import { eventFixture } from '../testing/event-fixture';
import { notifyOutcome, notifyReachOf, PENDING_MS } from './notify-outcome';

const AT = '2026-11-22T10:00:00.000Z';
const NOW = Date.parse(AT) + 10_000;
const DISTRICTS = ['ท่าตะเกียบ'];

const warning = (reach?: Partial<NotificationReach> | Record<string, unknown>) =>
  eventFixture(5, {
    type: 'elephant.warning',
    payload: reach === undefined ? {} : { notifyReach: { channels: 0, targets: 0, lineWithoutToken: 0, districtsTh: DISTRICTS, at: AT, ...reach } },
  });

const entry = (id: number, ok: boolean): NotificationLogEntry => ({
  id,
  eventId: 5,
  channel: 'webhook',
  audience: null,
  target: 'hooks.example.org',
  ok,
  status: ok ? 200 : 503,
  attempts: ok ? 1 : 3,
  error: ok ? null : 'HTTP 503',
  sentAt: AT,
});

describe('notifyOutcome', () => {
  it('says nobody was told when no channel and no recipient for the districts is set up', () => {
    expect(notifyOutcome(warning({}), [], NOW)).toEqual({ kind: 'nobody', districtsTh: DISTRICTS });
  });

  it('says LINE recipients exist but cannot be sent to without a LINE token', () => {
    expect(notifyOutcome(warning({ targets: 2, lineWithoutToken: 2 }), [], NOW)).toEqual({ kind: 'noLineToken', lineWithoutToken: 2, districtsTh: DISTRICTS });
  });

  it('tells sending apart from nothing recorded long after', () => {
    const reachable = warning({ channels: 1, targets: 2, lineWithoutToken: 1 });
    expect(notifyOutcome(reachable, [], NOW)).toEqual({ kind: 'pending', recipients: 2 });
    expect(notifyOutcome(reachable, [], Date.parse(AT) + PENDING_MS + 1)).toEqual({ kind: 'missing', recipients: 2 });
  });

  it('reports failed deliveries, and delivered as soon as one got through', () => {
    const reachable = warning({ channels: 1, targets: 1, lineWithoutToken: 1 });
    expect(notifyOutcome(reachable, [entry(1, false), entry(2, false)], NOW)).toEqual({ kind: 'failed', failed: 2, lineWithoutToken: 1 });
    expect(notifyOutcome(reachable, [entry(1, false), entry(2, true)], NOW)).toEqual({ kind: 'delivered', lineWithoutToken: 1 });
  });

  it('knows nothing for a warning without counts, or with malformed ones', () => {
    expect(notifyOutcome(warning(), [], NOW)).toEqual({ kind: 'unknown' });
    expect(notifyReachOf(warning({ channels: -1 }))).toBeNull();
    expect(notifyReachOf(warning({ at: 'yesterday' }))).toBeNull();
    expect(notifyReachOf(warning({ districtsTh: ['ท่าตะเกียบ', 7] }))?.districtsTh).toEqual(['ท่าตะเกียบ']);
  });
});
