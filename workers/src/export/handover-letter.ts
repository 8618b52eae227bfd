// Prints the hand-over letter (Thai and English) to an A4 PDF with Chromium, which shapes Thai marks correctly.
import type { Browser } from 'playwright-core';
import type { HandoverLetterInput } from './handover-letter-html';
import { renderHandoverLetterHtml } from './handover-letter-html';
import { escapeHtml } from './letter-markup';
import { LETTER_FONT } from './letter-font';
import { letterFooter } from './letter-style';

export type { HandoverLetterInput } from './handover-letter-html';

/** The letter as PDF bytes. The browser stays open (one per worker); each letter gets its own throwaway context. */
export async function renderHandoverLetter(input: HandoverLetterInput, browser: Browser): Promise<Buffer> {
  const context = await browser.newContext({ offline: true });
  try {
    const page = await context.newPage();
    // Everything is inline (fonts and QR as data: URLs); a request for anything else is refused, not fetched.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(renderHandoverLetterHtml(input), { waitUntil: 'load' });
    // Without the Thai font the letter would print boxes: refuse instead of handing over an unreadable page.
    // A string, as workers compile without DOM types: loads both weights' Thai and Latin faces, then waits for all.
    const fontReady = await page.evaluate<boolean>(`(async (family) => {
      const faces = [...await document.fonts.load('14px ' + family, 'ก้ำ A'), ...await document.fonts.load('bold 14px ' + family, 'ก้ำ A')];
      await document.fonts.ready;
      return faces.length === 4 && faces.every((face) => face.status === 'loaded');
    })(${JSON.stringify(`'${LETTER_FONT}'`)})`);
    if (!fontReady) throw new Error(`hand-over letter: font ${LETTER_FONT} did not load`);
    const pdf = await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: letterFooter(
        escapeHtml(input.manifest.request.reference),
        escapeHtml(input.manifestSha256.slice(0, 16)),
      ),
    });
    return Buffer.from(pdf);
  } finally {
    await context.close();
  }
}
