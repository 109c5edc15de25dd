import type { Report } from '../types.js';

/** The JSON report: the Report object as it is, two-space indented, ending in a newline. */
export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
