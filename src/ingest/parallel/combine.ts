// Folding the ranges of one file back into one: the file's summary, and whether the ranges
// were read exactly as one pass would have read them.

import type { Encoding, InputFileSummary } from '../types.js';
import { MAX_ISSUES_KEPT } from '../read-file.js';

/**
 * The ranges were decoded as one pass decodes the file: the first range decides (one pass
 * decides on the first non-ASCII bytes it meets, and those are the first range's when it has
 * any), and every later range must have decoded its bytes the same way. A later range that
 * was all ASCII reads as UTF-8, which only matches a UTF-8 file: a GB18030 file with a long
 * ASCII stretch goes back to one pass, which costs time and nothing else.
 */
export function encodingsAgree(first: Encoding, later: readonly Encoding[]): boolean {
  return later.every((encoding) => encoding === first || (first === 'utf-8-bom' && encoding === 'utf-8'));
}

function earliest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

function latest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

/**
 * The file's summary from its ranges' summaries, in file order. Each range kept its own
 * first issues in full and the ranges follow each other, so the file's first issues are the
 * first of the concatenation.
 */
export function combineSummaries(parts: readonly InputFileSummary[]): InputFileSummary {
  const [first, ...rest] = parts;
  if (first === undefined) throw new Error('combineSummaries needs at least one range');
  const combined: InputFileSummary = { ...first, issues: [...first.issues] };
  for (const part of rest) {
    combined.rows += part.rows;
    combined.skippedRows += part.skippedRows;
    combined.excludedRows += part.excludedRows;
    combined.duplicateRows += part.duplicateRows;
    combined.giftLines += part.giftLines;
    combined.paidThenRefundedLines += part.paidThenRefundedLines;
    combined.outsidePeriodRows += part.outsidePeriodRows;
    combined.firstAt = earliest(combined.firstAt, part.firstAt);
    combined.lastAt = latest(combined.lastAt, part.lastAt);
    combined.dataFirstAt = earliest(combined.dataFirstAt, part.dataFirstAt);
    combined.dataLastAt = latest(combined.dataLastAt, part.dataLastAt);
    combined.issueCount += part.issueCount;
    combined.normalisedIds += part.normalisedIds;
    combined.normalisedIdExample ??= part.normalisedIdExample;
    for (const issue of part.issues) {
      if (combined.issues.length < MAX_ISSUES_KEPT) combined.issues.push(issue);
    }
  }
  return combined;
}
