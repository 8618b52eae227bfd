// HTML building blocks for the hand-over letter: every value goes through escapeHtml on its way in.
import type { PackagePerson, TimeSpan } from '@toc/verifier/manifest';
import { bangkokIsoText, spanLength, thaiDateTime } from './letter-dates';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for element content and quoted attributes. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

// Every helper below takes raw values and escapes them; only their HTML results are concatenated.
export const bi = (th: string, en: string) =>
  `<span class="th">${escapeHtml(th)}</span><span class="en">${escapeHtml(en)}</span>`;
export const mono = (text: string) => `<span class="mono">${escapeHtml(text)}</span>`;
// Thai date and time with ISO 8601 (Bangkok offset) beside it; the ISO part wraps as a whole.
export const when = (at: string) =>
  `<span class="when">${escapeHtml(thaiDateTime(at))}</span> <span class="mono iso">${escapeHtml(bangkokIsoText(at))}</span>`;
export const row = (th: string, en: string, valueHtml: string) =>
  `<tr><th>${bi(th, en)}</th><td>${valueHtml}</td></tr>`;

export function span(s: TimeSpan): string {
  const length = spanLength(s.from, s.to);
  const lengthHtml = length
    ? ` <span class="small">(${escapeHtml(length.th)} / ${escapeHtml(length.en)})</span>`
    : '';
  return `<div>${when(s.from)}</div><div><span class="small">ถึง / to</span> ${when(s.to)}${lengthHtml}</div>`;
}

export function person(p: PackagePerson): string {
  const name = [p.rank, p.name].filter(Boolean).join(' ');
  const details = [
    p.officerId ? `เลขประจำตัว / Officer ID ${escapeHtml(p.officerId)}` : '',
    p.username ? `บัญชี / Account ${escapeHtml(p.username)}` : '',
  ].filter(Boolean);
  return `<b>${escapeHtml(name)}</b>${details.length ? `<span class="small"> · ${details.join(' · ')}</span>` : ''}`;
}
