// Formatter registry: a format name → a function from Report to text (or, for the PDF, bytes).
// Loaded on demand so the HTML formatter's chart renderer is only imported by runs that ask for
// HTML, and Playwright only by runs that ask for a PDF.

import type { Report } from '../types.js';
import type { Style } from './style.js';

export const FORMAT_NAMES = ['terminal', 'json', 'markdown', 'html', 'pdf'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export interface FormatOptions {
  /** Only the terminal formatter on a terminal gets colour. */
  style?: Style;
  /** Terminal columns the terminal formatter fits; the default layout width when not given. */
  width?: number;
}

/** What a formatter produces: text, or the bytes of a binary document. */
export type Rendered = string | Uint8Array;

export type Formatter = (report: Report, options: FormatOptions) => Rendered | Promise<Rendered>;

/** Formats whose output is bytes for a file, never text for a terminal or a pipe. */
export const FILE_ONLY_FORMATS: readonly FormatName[] = ['pdf'];

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}

export async function loadFormatter(name: FormatName): Promise<Formatter> {
  switch (name) {
    case 'terminal': {
      const { formatTerminal } = await import('./terminal.js');
      return (report, options) => formatTerminal(report, { style: options.style, width: options.width });
    }
    case 'json': {
      const { formatJson } = await import('./json.js');
      return (report) => formatJson(report);
    }
    case 'markdown': {
      const { formatMarkdown } = await import('./markdown.js');
      return (report) => formatMarkdown(report);
    }
    case 'html': {
      const { formatHtml } = await import('./html.js');
      return (report) => formatHtml(report);
    }
    case 'pdf': {
      const { formatPdf } = await import('./pdf.js');
      return (report) => formatPdf(report);
    }
  }
}
