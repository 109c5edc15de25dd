// The header row of an export, found before the file is cut: the ranges after the first are
// handed it, so that each reads its rows with the file's own columns.

import { readCsvRecords } from '../csv.js';
import { classifyHeaderRow, mapColumns } from '../fields.js';
import { HEADER_SEARCH_ROWS, type FilePlan, type HeaderRow, type ReadContext } from '../read-file.js';
import { INPUT_KINDS, type InputKind } from '../types.js';

/** Title lines and a header fit in the first few kilobytes of any export. */
const HEAD_BYTES = 256 << 10;

export interface FoundHeader extends HeaderRow {
  kind: InputKind;
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/**
 * The header row as the one-pass reader would find it, when the file has one it can read
 * rows with (a known kind, not overridden, no required column missing); null otherwise. The
 * first range's reader finds the header again itself, and the two must agree.
 */
export async function findHeaderRow(plan: FilePlan, context: ReadContext, size: number): Promise<FoundHeader | null> {
  const kinds = plan.kind ? [plan.kind] : INPUT_KINDS;
  let found: FoundHeader | null = null;
  let rowsSeen = 0;
  const onRecord = (cells: string[], line: number): boolean => {
    if (isBlank(cells)) return true;
    rowsSeen++;
    const kind = classifyHeaderRow(cells, context.extra, kinds);
    if (kind !== null) found = { cells, line, kind };
    return kind === null && rowsSeen < HEADER_SEARCH_ROWS;
  };
  await readCsvRecords(plan.path, onRecord, undefined, { start: 0, end: Math.min(size, HEAD_BYTES), firstLine: 1 });
  const header = found as FoundHeader | null;
  if (header === null) return null;
  if (plan.kind === null && context.overridden.has(header.kind)) return null;
  if (mapColumns(header.kind, header.cells, context.extra).missing.length > 0) return null;
  return header;
}
