// Tables for the terminal. Cells are wrapped here rather than by cli-table3, whose wrapping
// either splits English words or cannot break Chinese text that has no spaces.

import Table from 'cli-table3';
import { displayWidth, wrap } from './text.js';

/** Left and right padding cli-table3 puts inside every cell. */
const CELL_PADDING = 2;

/**
 * Lines a cell may take. cli-table3 re-measures a cell's whole text once per line it draws
 * (character by character where the text is not ASCII), so the cost grows with the cube of the
 * cell's length: a 1,800-character account name from the data held a report for minutes. No
 * cell the tables show needs more than a few lines; what is longer ends in "…" and is still
 * whole in the JSON, Markdown and HTML reports.
 */
export const MAX_CELL_LINES = 12;

/** The cell's wrapped lines, at most MAX_CELL_LINES, the last cut with "…" when text was left out. */
export function cellLines(text: string, width: number): string[] {
  const lines = wrap(text, width);
  if (lines.length <= MAX_CELL_LINES) return lines;
  const kept = lines.slice(0, MAX_CELL_LINES);
  const last = [...kept[MAX_CELL_LINES - 1]!];
  while (last.length > 0 && displayWidth(last.join('')) + 1 > width) last.pop();
  kept[MAX_CELL_LINES - 1] = `${last.join('').trimEnd()}…`;
  return kept;
}

export interface TextTable {
  push(cells: string[]): void;
  toString(): string;
}

/** colWidths include the padding; the table is sum(colWidths) + columns + 1 wide. */
export function createTextTable(head: string[], colWidths: number[]): TextTable {
  const table = new Table({ head, colWidths, style: { head: [], border: [] } });
  return {
    push(cells) {
      table.push(cells.map((cell, index) => cellLines(cell, colWidths[index]! - CELL_PADDING).join('\n')));
    },
    toString: () => table.toString(),
  };
}
