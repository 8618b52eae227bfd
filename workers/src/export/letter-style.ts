// The letter's print CSS and page geometry (A4), shared by the renderer and the test that compares it with the screen.

/**
 * Page margin and text width in CSS px (96 per inch). 72 px is 0.75 in, a whole number of pixels at 96 and 100 dpi,
 * and the text column has a fixed width, so the printed page and a screen rendering lay out line for line.
 */
export const LETTER_PAGE = { marginPx: 72, contentWidthPx: 648, widthMm: 210, heightMm: 297 } as const;

export const LETTER_CSS = `
@page { size: A4; margin: ${LETTER_PAGE.marginPx}px; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #fff; color: #000; font-family: '__FONT__', sans-serif; font-size: 13.5px; line-height: 1.4; }
main { width: ${LETTER_PAGE.contentWidthPx}px; }
h1 { font-size: 20px; line-height: 1.3; margin: 0; }
h2 { font-size: 15px; margin: 12px 0 4px; break-after: avoid; }
h2 .en { display: inline; margin-left: 8px; font-size: 13px; font-weight: normal; }
h3 { font-size: 14.5px; margin: 10px 0 4px; break-after: avoid; }
h3 .en { display: inline; margin-left: 8px; font-size: 13px; }
p { margin: 6px 0; }
.en { display: block; color: #333; font-size: 11.5px; line-height: 1.3; }
.small { color: #333; font-size: 11.5px; }
.subtitle { font-size: 15px; margin: 0 0 6px; color: #333; }
.mono { font-family: 'DejaVu Sans Mono', monospace; font-size: 10.5px; word-break: break-all; overflow-wrap: anywhere; }
.iso { display: inline-block; white-space: nowrap; color: #333; }
.hash-box { border: 1px solid #000; padding: 4px 8px; margin: 8px 0 4px; }
.hash { display: block; font-size: 13px; font-weight: bold; letter-spacing: 0.2px; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
.first-page { break-after: page; }
.head { display: flex; gap: 14px; align-items: flex-start; }
.head .title { flex: 1; min-width: 0; }
.head .kv th { width: 34%; }
.qr { margin: 0; width: 144px; text-align: center; }
.qr svg { width: 144px; height: 144px; display: block; }
.qr figcaption .th, .qr figcaption .en { display: block; font-size: 10.5px; line-height: 1.3; }
table { width: 100%; border-collapse: collapse; }
tr, tbody { break-inside: avoid; }
thead { display: table-header-group; }
th, td { border: 0.75px solid #777; padding: 2px 6px; text-align: left; vertical-align: top; font-weight: normal; }
.kv th { width: 27%; background: #f2f2f2; }
.kv th .th { font-weight: bold; }
.grid thead th { background: #f2f2f2; font-weight: bold; }
.grid thead th .en { font-weight: normal; }
.steps td:nth-child(1) { width: 24%; }
.steps td:nth-child(2) { width: 36%; }
.files td:first-child { width: 16px; text-align: right; }
.files td.sha { border-top: none; }
.files td.sha .mono { font-size: 11px; }
.num { text-align: right; white-space: nowrap; width: 24%; }
.gaps { margin: 0; padding-left: 18px; }
.gaps li { margin-bottom: 3px; }
.statement { text-align: justify; margin: 10px 0; }
.statement .en { margin-top: 4px; font-size: 12px; }
.pem { font-size: 10.5px; white-space: pre-wrap; border: 0.75px solid #777; padding: 6px; margin: 6px 0; }
.cmd { white-space: pre-wrap; background: #f2f2f2; padding: 4px 6px; margin: 4px 0; font-size: 11px; }
.verify { padding-left: 20px; }
.verify li { margin-bottom: 6px; break-inside: avoid; }
.signatures, .keep { break-inside: avoid; }
.sign-row { display: flex; gap: 24px; }
.sign { flex: 1; border: 0.75px solid #777; padding: 8px 10px 12px; }
.sign p { margin: 22px 0 0; display: flex; gap: 6px; align-items: baseline; white-space: nowrap; }
.sign p.who { margin-top: 0; display: block; font-weight: bold; }
.sign p.who .en { font-weight: normal; }
.sign .line { flex: 1; border-bottom: 1px dotted #000; }
.sign .paren { padding-left: 70px; margin-top: 8px; }
`;

/** Footer on every page: the reference, the start of the manifest hash and the page count (Latin only: it is drawn
 *  outside the page's fonts). Values must already be escaped. */
export function letterFooter(referenceHtml: string, hashPrefixHtml: string): string {
  return `<div style="width:100%;font-family:'DejaVu Sans Mono',monospace;font-size:8px;color:#333;padding:0 ${LETTER_PAGE.marginPx}px;display:flex;justify-content:space-between">
<span>${referenceHtml} · manifest SHA-256 ${hashPrefixHtml}…</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`;
}
