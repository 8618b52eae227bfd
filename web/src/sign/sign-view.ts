// Draws the sign into the page with plain DOM (no UI framework: the sign must load fast on a cheap screen).
import type { SignRow } from './sign-model';
import { signText, type SignLanguage } from './sign-strings';

export interface SignView {
  language: SignLanguage;
  stopId: string;
  stopName: string | null;
  clock: string;
  rows: SignRow[] | null;
  /** A note under the list: offline, connecting; null when live. */
  status: string | null;
  unknownStop: boolean;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

function rowElement(row: SignRow, language: SignLanguage): HTMLElement {
  const item = el('li', row.imminent ? 'sign-row imminent' : 'sign-row');
  item.dataset.testid = 'sign-row';
  const badge = el('span', 'sign-route', row.route);
  badge.style.background = row.background;
  badge.style.color = row.foreground;
  const destination = el('span', 'sign-destination', row.destination);
  const when = el('span', 'sign-when', row.when);
  when.dataset.testid = 'sign-when';
  if (row.scheduled) when.append(el('small', 'sign-scheduled', signText('scheduled', language)));
  item.append(badge, destination, when);
  return item;
}

function unknownStop(stopId: string): HTMLElement[] {
  // Both languages at once: nothing will ever alternate on this page.
  const box = el('section', 'sign-unknown');
  box.dataset.testid = 'sign-unknown';
  for (const language of ['th', 'en'] as const) {
    const block = el('div', 'sign-unknown-block');
    block.lang = language;
    block.append(el('h1', 'sign-unknown-title', signText('unknownStop', language)), el('p', 'sign-unknown-hint', signText('unknownHint', language)));
    box.append(block);
  }
  box.append(el('p', 'sign-stop-code', stopId));
  return [box];
}

export function renderSign(root: HTMLElement, view: SignView): void {
  root.lang = view.language;
  root.dataset.lang = view.language;
  document.documentElement.lang = view.language;
  if (view.unknownStop) {
    root.replaceChildren(...unknownStop(view.stopId));
    return;
  }
  const header = el('header', 'sign-header');
  const title = el('div', 'sign-title');
  const name = el('h1', 'sign-stop-name', view.stopName ?? view.stopId);
  name.dataset.testid = 'sign-stop-name';
  title.append(el('p', 'sign-kicker', `${signText('busStop', view.language)} · ${view.stopId}`), name);
  const clock = el('time', 'sign-clock', view.clock);
  clock.dataset.testid = 'sign-clock';
  header.append(title, clock);

  const columns = el('div', 'sign-columns');
  columns.append(
    el('span', '', signText('route', view.language)),
    el('span', '', signText('destination', view.language)),
    el('span', 'sign-when-head', signText('arrives', view.language)),
  );
  const body: HTMLElement[] = [header, columns];
  if (view.rows && view.rows.length > 0) {
    const list = el('ol', 'sign-rows');
    list.append(...view.rows.map((row) => rowElement(row, view.language)));
    body.push(list);
  } else if (view.rows) {
    body.push(el('p', 'sign-empty', signText('none', view.language)));
  } else {
    body.push(el('p', 'sign-empty', signText('connecting', view.language)));
  }
  const footer = el('footer', 'sign-footer');
  footer.append(el('span', 'sign-footnote', signText('footnote', view.language)));
  if (view.status) {
    const status = el('span', 'sign-status', view.status);
    status.dataset.testid = 'sign-status';
    footer.append(status);
  }
  body.push(footer);
  root.replaceChildren(...body);
}
