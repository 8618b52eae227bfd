// Public smart bus-stop sign `/stop/<stopId>?feed=<feedId>`: next arrivals in large text, Thai and English in turn.
import '@fontsource/sarabun/600.css';
import '@fontsource/sarabun/700.css';
import './sign.css';
import { signClock, signLanguageAt, signRows } from './sign-model';
import { startSignFeed, type SignFeedUpdate } from './sign-feed';
import { signText, type SignLanguage } from './sign-strings';
import { renderSign } from './sign-view';

const LANGUAGE_PERIOD_MS = 8_000;
const TICK_MS = 1_000;

function readLocation(): { stopId: string | null; feedId: number | null; pinned: SignLanguage | null } {
  const params = new URLSearchParams(window.location.search);
  const match = /\/stop\/([^/]+)\/?$/.exec(window.location.pathname);
  const stopId = match ? decodeURIComponent(match[1]!) : params.get('stop');
  const feed = Number(params.get('feed'));
  const lang = params.get('lang');
  return {
    stopId: stopId && stopId.length <= 64 ? stopId : null,
    feedId: Number.isInteger(feed) && feed > 0 ? feed : null,
    // `?lang=th` or `?lang=en` keeps one language (a screen beside another that shows the other one).
    pinned: lang === 'th' || lang === 'en' ? lang : null,
  };
}

function statusText(feed: SignFeedUpdate, language: SignLanguage): string | null {
  if (feed.state === 'connecting') return signText('connecting', language);
  if (feed.state !== 'offline') return null;
  return feed.updatedAt === null ? signText('offlineNever', language) : signText('offline', language, { time: signClock(feed.updatedAt, language) });
}

function start(root: HTMLElement): void {
  const { stopId, feedId, pinned } = readLocation();
  let feed: SignFeedUpdate = { state: stopId ? 'connecting' : 'unknown-stop', arrivals: null, stopNames: null, updatedAt: null };
  const draw = () => {
    const now = Date.now();
    const language = pinned ?? signLanguageAt(now, LANGUAGE_PERIOD_MS);
    renderSign(root, {
      language,
      stopId: stopId ?? '',
      stopName: feed.stopNames?.[language] ?? feed.stopNames?.default ?? null,
      clock: signClock(now, language),
      rows: feed.arrivals ? signRows(feed.arrivals.arrivals, now, language) : null,
      status: statusText(feed, language),
      unknownStop: feed.state === 'unknown-stop',
    });
  };
  if (stopId) {
    startSignFeed(stopId, feedId, (update) => {
      feed = update;
      draw();
    });
  }
  draw();
  setInterval(draw, TICK_MS);
}

const root = document.getElementById('sign');
if (root) start(root);
