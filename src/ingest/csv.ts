// The byte-stream reader: a file → decoded chunks → csv-parse → records with their line
// numbers. It knows nothing about kinds or fields, so the per-row work stays in plain
// functions that a worker-thread reader can reuse on byte ranges.
//
// csv-parse runs in its fastest configuration (PERFORMANCE.md): 1 MB reads, array rows,
// no columns/cast/on_record/info. Line numbers are counted here instead of with `info`:
// a record starts on the line after the previous one ended, and spans one line plus the
// line breaks inside its quoted cells. Blank lines arrive as one empty cell and count too.

import { createReadStream } from 'node:fs';
import { Parser } from 'csv-parse';
import { ChunkDecoder, DecodeFailure, findFirstBadLine, lineTestFor } from './decode.js';
import type { Encoding } from './types.js';

export const READ_CHUNK_BYTES = 1 << 20;

// With no record completed over this many bytes, the parser is inside a quote that never
// closes (or the file has no line breaks): stop before it buffers the rest of a big file into
// one cell. This is the record size limit; a real cell is far smaller.
const RUNAWAY_QUOTE_BYTES = 32 << 20;

/** Receives each record and the 1-based line it starts on; returns false to stop reading. */
export type RecordHandler = (cells: string[], line: number) => boolean;

/**
 * Part of a file, for the parallel reader: bytes [start, end), which begin a record, and the
 * line the first of them is on.
 */
export interface ByteRange {
  start: number;
  end: number;
  firstLine: number;
}

/**
 * With relax_column_count, csv-parse still builds (and then drops) an error object, stack
 * trace and JSON copy of the record included, for every record whose width differs from the
 * first record's. A title line above the header makes that every data row: half the parse
 * time. Comparing each record with the one before keeps the check to the rare width changes.
 * `state` is csv-parse's own handle on its parser state; were it to go, only speed is lost.
 */
function expectWidthOf(parser: Parser, cells: readonly string[]): void {
  const state = (parser as unknown as { state?: { expectedRecordLength?: number } }).state;
  if (state !== undefined && state.expectedRecordLength !== cells.length) state.expectedRecordLength = cells.length;
}

export type MalformedCode = 'unclosedQuote' | 'badQuote' | 'malformed';

export type CsvEnd =
  | { status: 'complete' }
  | { status: 'stopped' }
  | { status: 'malformed'; code: MalformedCode; line: number; detail: string }
  | { status: 'undecodable'; failure: DecodeFailure; line: number | null };

export interface CsvReadResult {
  end: CsvEnd;
  /** `utf-8` for a file that is pure ASCII. */
  encoding: Encoding;
}

export function newlinesIn(cells: readonly string[]): number {
  let count = 0;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) count++;
  }
  return count;
}

// csv-parse 7 names the opening-quote error without its usual CSV_ prefix.
const BAD_QUOTE_CODES = new Set([
  'CSV_INVALID_CLOSING_QUOTE',
  'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE',
  'INVALID_OPENING_QUOTE',
  'CSV_INVALID_OPENING_QUOTE',
]);

function malformedCode(error: unknown): MalformedCode {
  const code = (error as { code?: unknown }).code;
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'unclosedQuote';
  // A quote opening inside an unquoted cell (ab"c) is as misplaced as one after a closing quote.
  if (BAD_QUOTE_CODES.has(code as string)) return 'badQuote';
  return 'malformed';
}

/**
 * Whether the parser stopped inside a quoted cell, from csv-parse's own state (see
 * expectWidthOf); were that to go, a runaway record is taken for an unclosed quote, its usual cause.
 */
function insideQuotes(parser: Parser): boolean {
  const state = (parser as unknown as { state?: { quoting?: boolean } }).state;
  return state?.quoting ?? true;
}

/** Resolves when the parser can take more input, or is finished either way. */
function writable(parser: Parser): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      parser.off('drain', done);
      parser.off('close', done);
      parser.off('error', done);
      resolve();
    };
    parser.on('drain', done);
    parser.on('close', done);
    parser.on('error', done);
  });
}

/**
 * Streams the records of one CSV file into `onRecord`. File-system errors (not found,
 * permission) are thrown as they come; everything about the content is in the result.
 */
export async function readCsvRecords(
  path: string,
  onRecord: RecordHandler,
  onBytes?: (bytes: number) => void,
  range?: ByteRange,
): Promise<CsvReadResult> {
  const decoder = new ChunkDecoder();
  const parser = new Parser({ relax_column_count: true });
  let nextLine = range?.firstLine ?? 1;
  let stopped = false;
  let bytesSinceRecord = 0;
  let parseError: unknown = null;

  parser.on('data', (cells: string[]) => {
    if (stopped) return;
    bytesSinceRecord = 0;
    expectWidthOf(parser, cells);
    const line = nextLine;
    nextLine += 1 + newlinesIn(cells);
    if (!onRecord(cells, line)) stopped = true;
  });
  const finished = new Promise<void>((resolve) => {
    parser.once('end', resolve);
    parser.once('close', resolve);
    parser.on('error', (error) => {
      parseError ??= error;
      resolve();
    });
  });

  const input = createReadStream(path, {
    highWaterMark: READ_CHUNK_BYTES,
    ...(range ? { start: range.start, end: range.end - 1 } : {}),
  });
  let decodeFailure: DecodeFailure | null = null;
  let runaway: MalformedCode | null = null;
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      onBytes?.(chunk.length);
      bytesSinceRecord += chunk.length;
      const text = decoder.push(chunk);
      if (text.length > 0 && !parser.write(text)) await writable(parser);
      if (stopped || parser.destroyed) break;
      if (bytesSinceRecord > RUNAWAY_QUOTE_BYTES) {
        runaway = insideQuotes(parser) ? 'unclosedQuote' : 'malformed';
        break;
      }
    }
    if (!stopped && !runaway && !parser.destroyed) {
      const rest = decoder.end();
      if (rest.length > 0) parser.write(rest);
      parser.end();
    }
  } catch (error) {
    if (!(error instanceof DecodeFailure)) throw error;
    decodeFailure = error;
  } finally {
    input.destroy();
  }
  if (decodeFailure || stopped || runaway) parser.destroy();
  await finished;

  const encoding: Encoding = decoder.encoding ?? 'utf-8';
  if (decodeFailure) {
    // A workbook or a UTF-16 file is wrong as a whole; the others are wrong from some line on.
    const wholeFile = decodeFailure.code === 'excel' || decodeFailure.code === 'utf16';
    const line = wholeFile ? null : ((await findFirstBadLine(path, lineTestFor(decodeFailure))) ?? nextLine);
    return { end: { status: 'undecodable', failure: decodeFailure, line }, encoding };
  }
  if (stopped) return { end: { status: 'stopped' }, encoding };
  if (runaway) {
    const detail = runaway === 'malformed' ? `no line break in ${RUNAWAY_QUOTE_BYTES >> 20} MB` : '';
    return { end: { status: 'malformed', code: runaway, line: nextLine, detail }, encoding };
  }
  if (parseError !== null) {
    const detail = parseError instanceof Error ? parseError.message : String(parseError);
    return { end: { status: 'malformed', code: malformedCode(parseError), line: nextLine, detail }, encoding };
  }
  return { end: { status: 'complete' }, encoding };
}
