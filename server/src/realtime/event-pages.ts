// The events changed after a seq, oldest first, page by page: what a reconnecting client missed, and what a server's
// relay missed while its Redis subscription was down.
import type { Queryable } from '../db/pool';
import { queryEvents } from '../repositories/events.repository';
import type { Event } from '../schemas';

const PAGE = 500;
/** Bounded, so a very old seq cannot flood a client or a relay. */
const MAX_PAGES = 10;

/** Calls `send` with each event of `types` changed after `afterSeq`, oldest first; returns how many were sent. */
export async function forEachEventAfter(
  db: Queryable,
  query: { afterSeq: number; types: Event['type'][] },
  send: (event: Event) => void,
): Promise<number> {
  let sent = 0;
  let after = query.afterSeq;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { items } = await queryEvents(db, { afterSeq: after, type: query.types, limit: PAGE, offset: 0 });
    for (const event of items) send(event);
    sent += items.length;
    if (items.length < PAGE) break;
    after = items[items.length - 1]!.seq;
  }
  return sent;
}
