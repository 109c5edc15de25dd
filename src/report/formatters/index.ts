// Formatter registry: a format name → a function from Report to text. Loaded on demand so the
// HTML formatter's chart renderer is only imported by runs that ask for HTML.

import type { Report } from '../types.js';
import type { Style } from './style.js';

export const FORMAT_NAMES = ['terminal', 'json', 'markdown', 'html'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export interface FormatOptions {
  /** Only the terminal formatter on a terminal gets colour. */
  style?: Style;
  /** Terminal columns the terminal formatter fits; the default layout width when not given. */
  width?: number;
}

export type Formatter = (report: Report, options: FormatOptions) => string;

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
  }
}
