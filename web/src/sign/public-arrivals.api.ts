// The public arrivals endpoint for the sign (no login): the stop's names and its next arrivals.
import type { PublicStopBoard, StopArrivalsMessage } from '@toc/server/schemas';

export type PublicArrivals = { kind: 'unknown' } | { kind: 'ok'; arrivals: StopArrivalsMessage; stopNames: Record<string, string> };

export async function fetchPublicArrivals(stopId: string, feedId: number | null, signal: AbortSignal): Promise<PublicArrivals> {
  const query = feedId === null ? '' : `?feed=${feedId}`;
  const response = await fetch(`api/public/stops/${encodeURIComponent(stopId)}/arrivals${query}`, { signal, headers: { Accept: 'application/json' } });
  // 404: no such stop; 400: a malformed id or one several feeds share without ?feed= — the sign's address is wrong.
  if (response.status === 404 || response.status === 400) return { kind: 'unknown' };
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const reply = (await response.json()) as PublicStopBoard;
  return { kind: 'ok', arrivals: reply.board, stopNames: { default: reply.stop.name, ...reply.stop.translations } };
}
