// The PDF formatter: the HTML report as the client gets it on paper, A4, printed by a local
// Chromium through the page's own print CSS. The footer carries the brand and the page number,
// so a printed page that comes loose still says whose report it is.

import { allMessages } from '../../i18n/catalogs/index.js';
import { translator, type Translate } from '../../i18n/index.js';
import { CHART_FONT } from '../charts/theme.js';
import { locateChromium } from '../pdf/chromium.js';
import { printPdf } from '../pdf/print.js';
import type { Report } from '../types.js';
import { escapeHtml, formatHtml } from './html.js';

/**
 * Chromium draws the footer in the page margin with none of the page's CSS, so it carries its
 * own: the page's font (embedded like the rest), its muted ink, the page's side margins.
 */
function footerTemplate(report: Report, t: Translate): string {
  const page = t('pdf.footerPage', {
    page: '<span class="pageNumber"></span>',
    pages: '<span class="totalPages"></span>',
  });
  const style = [
    'width:100%',
    'margin:0 12mm',
    'display:flex',
    'justify-content:space-between',
    'gap:8mm',
    `font-family:${CHART_FONT}`,
    'font-size:8pt',
    'color:#5b6675',
  ].join(';');
  const title = escapeHtml(`${report.brand.name} · ${t('report.title')}`);
  return `<div style="${style}"><span>${title}</span><span>${page}</span></div>`;
}

export async function formatPdf(report: Report): Promise<Uint8Array> {
  // Looked for first: without a browser there is nothing to print with, and nothing is written.
  const executablePath = locateChromium();
  const t = translator(allMessages, report.lang);
  return printPdf(formatHtml(report), { executablePath, footerTemplate: footerTemplate(report, t) });
}
