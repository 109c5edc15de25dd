// Tables for the terminal. Cells are wrapped here rather than by cli-table3, whose wrapping
// either splits English words or cannot break Chinese text that has no spaces.

import Table from 'cli-table3';
import { wrap } from './text.js';

/** Left and right padding cli-table3 puts inside every cell. */
const CELL_PADDING = 2;

export interface TextTable {
  push(cells: string[]): void;
  toString(): string;
}

/** colWidths include the padding; the table is sum(colWidths) + columns + 1 wide. */
export function createTextTable(head: string[], colWidths: number[]): TextTable {
  const table = new Table({ head, colWidths, style: { head: [], border: [] } });
  return {
    push(cells) {
      table.push(cells.map((cell, index) => wrap(cell, colWidths[index]! - CELL_PADDING).join('\n')));
    },
    toString: () => table.toString(),
  };
}
