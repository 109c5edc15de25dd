import type { Report } from '../types.js';

export function formatHtml(report: Report): string {
  void report;
  return '';
}
