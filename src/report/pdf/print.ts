// The HTML report printed to an A4 PDF by a local Chromium. The page's own print CSS lays it out
// (page size, margins, a page per stage); Chromium embeds the subset of every font it used, so
// the client's PDF reads the same on a machine without those fonts.

import type { Browser } from 'playwright-core';
import { UserError } from '../../errors.js';
import { stripControl } from '../formatters/text.js';

/** No first-run screens, no updates, no telemetry: the browser is a printer here, offline. */
const QUIET_BROWSER = [
  '--disable-gpu',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-quic',
];

export interface PrintOptions {
  /** The Chromium (or Chrome, or Edge) to print with: see locateChromium. */
  executablePath: string;
  /** Markup for the bottom margin of every page; Chromium fills `.pageNumber` and `.totalPages`. */
  footerTemplate: string;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n').find((text) => text.trim() !== '') ?? message;
  return stripControl(line).trim().slice(0, 200);
}

async function launch(executablePath: string): Promise<Browser> {
  // Loaded here: playwright-core is large, and only a PDF run needs it.
  const { chromium } = await import('playwright-core');
  try {
    return await chromium.launch({
      executablePath,
      args: QUIET_BROWSER,
      // The CLI's own signal handling ends the run (one line, exit 2); Playwright still kills
      // the browser when the process exits.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    throw new UserError({ key: 'pdf.browserFailed', params: { browser: executablePath, detail: firstLine(error) } });
  }
}

export async function printPdf(html: string, options: PrintOptions): Promise<Uint8Array> {
  const browser = await launch(options.executablePath);
  try {
    const context = await browser.newContext({ offline: true, javaScriptEnabled: false });
    const page = await context.newPage();
    // The report fetches nothing; should a future template try, the PDF is made without it.
    await page.route(/^(?!data:|about:)/, (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({
      format: 'A4',
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: options.footerTemplate,
      // Bookmarks from the headings, so a client can jump to a stage.
      tagged: true,
      outline: true,
    });
    return new Uint8Array(pdf);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError({
      key: 'pdf.printFailed',
      params: { browser: options.executablePath, detail: firstLine(error) },
    });
  } finally {
    await browser.close().catch(() => undefined);
  }
}
