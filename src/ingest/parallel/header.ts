// The header row of an export, found before the file is cut: the ranges after the first are
// handed it, so that each reads its rows with the file's own columns.

import { readCsvRecords } from '../csv.js';
import { classifyHeaderRow, mapColumns } from '../fields.js';
import { HEADER_SEARCH_ROWS, type FilePlan, type HeaderRow, type ReadContext } from '../read-file.js';
import { INPUT_KINDS, type InputKind } from '../types.js';

/** Title lines and a header fit in the first few kilobytes of any export. */
const HEAD_BYTES = 256 << 10;
/**
 * Nearly always in the first 16 KB, which csv-parse reads in a fraction of the time of 256 KB
 * (2-5 ms against 37-51 ms on the bench export): it parses the whole head it is given, and
 * the main thread waits for the header before it reads a record.
 */
const SHORT_HEAD_BYTES = 16 << 10;

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
  const shortHead = Math.min(size, SHORT_HEAD_BYTES);
  const short = await headerInHead(plan, context, shortHead).catch(() => ({ found: null, followed: false }));
  // A header found in the short head counts only when a record followed it there: the head may
  // end inside the header row, which would then look shorter than it is. No header there is
  // looked for again in the long head, for the same reason.
  const settled = shortHead === size || (short.found !== null && short.followed);
  const header = settled ? short.found : (await headerInHead(plan, context, Math.min(size, HEAD_BYTES))).found;
  if (header === null) return null;
  if (plan.kind === null && context.overridden.has(header.kind)) return null;
  if (mapColumns(header.kind, header.cells, context.extra).missing.length > 0) return null;
  return header;
}

interface HeadSearch {
  found: FoundHeader | null;
  /** Whether a record followed the header within the head. */
  followed: boolean;
}

/** The first row one pass would take for a header, among the first rows of the file's first `bytes`. */
async function headerInHead(plan: FilePlan, context: ReadContext, bytes: number): Promise<HeadSearch> {
  const kinds = plan.kind ? [plan.kind] : INPUT_KINDS;
  const search: HeadSearch = { found: null, followed: false };
  let rowsSeen = 0;
  const onRecord = (cells: string[], line: number): boolean => {
    if (search.found !== null) {
      search.followed = true;
      return false;
    }
    if (isBlank(cells)) return true;
    rowsSeen++;
    const kind = classifyHeaderRow(cells, context.extra, kinds);
    if (kind !== null) search.found = { cells, line, kind };
    return kind !== null || rowsSeen < HEADER_SEARCH_ROWS;
  };
  await readCsvRecords(plan.path, onRecord, undefined, { start: 0, end: bytes, firstLine: 1 });
  return search;
}
