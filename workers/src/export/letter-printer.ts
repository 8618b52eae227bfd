// Prints hand-over letters (Thai and English, A4 PDF) with Chromium, which shapes Thai marks correctly, through one
// warm page: the browser, the page and the inlined Thai font are ready before a package is signed, so a letter costs
// its layout and print only (measured: 650 ms → about 200 ms, at the very end of every export).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  letterBodyHtml,
  letterShellHtml,
  letterTitle,
  type HandoverLetterInput,
} from './handover-letter-html';
import { launchLetterBrowser } from './letter-browser';
import { LETTER_FONT } from './letter-font';
import { escapeHtml } from './letter-markup';
import { letterFooter } from './letter-style';

export type { HandoverLetterInput } from './handover-letter-html';

export interface LetterPrinter {
  /** Starts the browser and loads the letter page now, so the next print does not wait for them. */
  warm(): Promise<void>;
  /** The letter as PDF bytes. Letters print one at a time. */
  print(input: HandoverLetterInput): Promise<Buffer>;
  close(): Promise<void>;
}

interface WarmPage {
  context: BrowserContext;
  page: Page;
}

/**
 * Loads both weights' Thai and Latin faces and waits for every font in use. A string, as workers compile without DOM
 * types. Without the Thai font the letter would print boxes: the caller refuses instead of handing that over.
 */
const FONTS_READY = `(async (family) => {
  const faces = [...await document.fonts.load('14px ' + family, 'ก้ำ A'), ...await document.fonts.load('bold 14px ' + family, 'ก้ำ A')];
  await document.fonts.ready;
  return faces.length === 4 && faces.every((face) => face.status === 'loaded');
})(${JSON.stringify(`'${LETTER_FONT}'`)})`;

async function checkFonts(page: Page): Promise<void> {
  if (!(await page.evaluate<boolean>(FONTS_READY)))
    throw new Error(`hand-over letter: font ${LETTER_FONT} did not load`);
}

/** A page holding the letter's styles and font, offline: everything is inline, any other request is refused. */
async function openWarmPage(browser: Browser): Promise<WarmPage> {
  const context = await browser.newContext({ offline: true });
  try {
    const page = await context.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(letterShellHtml(), { waitUntil: 'load' });
    await checkFonts(page);
    return { context, page };
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
}

/** Replaces the page's title and body (the styles and the loaded font stay). */
const setLetter = (page: Page, title: string, body: string) =>
  page.evaluate(
    `((title, body) => { document.title = title; document.body.innerHTML = body; })(${JSON.stringify(title)}, ${JSON.stringify(body)})`,
  );

export function createLetterPrinter(launch: () => Promise<Browser> = launchLetterBrowser): LetterPrinter {
  let browser: Promise<Browser> | null = null;
  let warm: Promise<WarmPage> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const getBrowser = () => {
    // A browser that crashed or was closed is started again for the next letter.
    browser ??= launch().then(
      (launched) => {
        launched.on('disconnected', () => {
          browser = null;
          warm = null;
        });
        return launched;
      },
      (error: unknown) => {
        browser = null;
        throw error;
      },
    );
    return browser;
  };
  const getPage = () => {
    warm ??= getBrowser()
      .then(openWarmPage)
      .catch((error: unknown) => {
        warm = null;
        throw error;
      });
    return warm;
  };
  /** A page that failed once is not trusted again: the next letter gets a fresh one. */
  const discard = async (failed: WarmPage) => {
    if (warm && (await warm.catch(() => null)) === failed) warm = null;
    await failed.context.close().catch(() => undefined);
  };

  const printNow = async (input: HandoverLetterInput): Promise<Buffer> => {
    const held = await getPage();
    try {
      await setLetter(held.page, letterTitle(input), letterBodyHtml(input));
      await checkFonts(held.page);
      const pdf = await held.page.pdf({
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: letterFooter(
          escapeHtml(input.manifest.request.reference),
          escapeHtml(input.manifestSha256.slice(0, 16)),
        ),
      });
      // The letter does not stay in the page between exports.
      await setLetter(held.page, '', '');
      return Buffer.from(pdf);
    } catch (error) {
      await discard(held);
      throw error;
    }
  };

  return {
    warm: async () => {
      await getPage();
    },
    print: (input) => {
      const printed = queue.then(() => printNow(input));
      queue = printed.catch(() => undefined);
      return printed;
    },
    close: async () => {
      const open = browser;
      browser = null;
      warm = null;
      if (open) await (await open.catch(() => null))?.close();
    },
  };
}
