// The byte-stream reader: a file → decoded chunks → csv-parse → records with their line
// numbers. It knows nothing about kinds or fields, so the per-row work stays in plain
// functions that a worker-thread reader can reuse on byte ranges.
//
// csv-parse runs in its fastest configuration (PERFORMANCE.md): 1 MB reads, array rows,
// no columns/cast/on_record/info. Line numbers are counted here instead of with `info`:
// a record starts on the line after the previous one ended, and spans one line plus the
// line breaks inside its quoted cells. Blank lines arrive as one empty cell and count too.

import { Parser } from 'csv-parse';
import { ChunkDecoder, DecodeFailure, findFirstBadLine, lineTestFor, type DecodeFailureCode } from './decode.js';
import type { Delimiter, Encoding } from './types.js';
import { cappedReadStream, openRegularFile, RegularFileError } from '../util/regular-file.js';

export const READ_CHUNK_BYTES = 1 << 20;

/**
 * A data file larger than this is not read: a year of a big shop's order lines is well under a
 * gigabyte (a million lines of the 61-column export is about 250 MB). Enforced on the bytes read,
 * not on the size the file said when it was opened.
 */
export const MAX_DATA_FILE_BYTES = 4 * 1024 ** 3;

/** Throws once a read has gone past MAX_DATA_FILE_BYTES. */
export function checkDataFileSize(path: string, bytesRead: number): void {
  if (bytesRead > MAX_DATA_FILE_BYTES) throw new RegularFileError('EFBIG', path, MAX_DATA_FILE_BYTES);
}

const WHOLE_FILE_FAILURES: ReadonlySet<DecodeFailureCode> = new Set(['excel', 'badUtf16', 'foreignEncoding']);

// With no record completed over this many bytes, the parser is inside a quote that never
// closes (or the file has no line breaks): stop before it buffers the rest of a big file into
// one cell. This is the record size limit; a real cell is far smaller.
const RUNAWAY_QUOTE_BYTES = 32 << 20;

/**
 * Columns a row may have. The widest real export (快手's order export) has 61; a row far wider is
 * a wrong delimiter or a broken file, and 15.7 million columns in 4 rows took 76 s and 971 MB.
 */
export const MAX_COLUMNS = 1000;

/**
 * Counts the cells of the record being read, over the decoded text as it arrives, so a record
 * too wide is stopped before csv-parse builds it. Quotes toggle (a doubled quote toggles twice),
 * which is all the quoting that matters to where a record or a cell ends.
 */
class ColumnCounter {
  private cells = 1;
  private quoted = false;
  private atRecordStart = true;
  /** Where the record being counted starts in the text last fed; -1 when in text fed before. */
  recordStart = 0;
  /** The line the record being counted starts on, and the line being read. */
  recordLine: number;
  private line: number;

  constructor(
    private readonly delimiter: number,
    firstLine: number,
  ) {
    this.recordLine = firstLine;
    this.line = firstLine;
  }

  /**
   * False once a record has more than MAX_COLUMNS cells; recordLine is then its line. UTF-8
   * bytes are counted as they are: quote, delimiter and line feed never occur inside a character.
   */
  feed(text: Buffer | string): boolean {
    this.recordStart = this.atRecordStart ? 0 : -1;
    return typeof text === 'string' ? this.feedText(text) : this.feedBytes(text);
  }

  private feedBytes(bytes: Buffer): boolean {
    for (let i = 0; i < bytes.length; i++) if (!this.step(bytes[i]!, i)) return false;
    return true;
  }

  private feedText(text: string): boolean {
    for (let i = 0; i < text.length; i++) if (!this.step(text.charCodeAt(i), i)) return false;
    return true;
  }

  private step(code: number, at: number): boolean {
    this.atRecordStart = false;
    if (code === 0x22) {
      this.quoted = !this.quoted;
    } else if (code === 0x0a) {
      this.line++;
      if (!this.quoted) {
        this.endRecord(at);
        this.recordLine = this.line;
      }
    } else if (code === 0x0d) {
      // A file of bare CRs (old Mac) ends its records there too.
      if (!this.quoted) this.endRecord(at);
    } else if (code === this.delimiter && !this.quoted) {
      if (++this.cells > MAX_COLUMNS) return false;
    }
    return true;
  }

  private endRecord(at: number): void {
    this.cells = 1;
    this.recordStart = at + 1;
    this.atRecordStart = true;
  }
}

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
  /** How the bytes before the range were decoded, when that is known: the range goes on so. */
  encoding?: Encoding;
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

export type MalformedCode = 'unclosedQuote' | 'badQuote' | 'malformed' | 'tooManyColumns';

export type CsvEnd =
  | { status: 'complete' }
  | { status: 'stopped' }
  | { status: 'malformed'; code: MalformedCode; line: number; detail: string }
  | { status: 'undecodable'; failure: DecodeFailure; line: number | null };

export interface CsvReadResult {
  end: CsvEnd;
  /** `utf-8` for a file that is pure ASCII. */
  encoding: Encoding;
  /** The header row's delimiter (the fast reader reads comma-separated files only). */
  delimiter?: Delimiter;
}

const DELIMITER_CHARS: Readonly<Record<Delimiter, string>> = { comma: ',', tab: '\t', semicolon: ';' };

/** Lines looked at for the delimiter: the header row sits within the first few (title lines above). */
const DELIMITER_SEARCH_LINES = 20;

/** Delimiters outside quotes on one line. */
function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === delimiter) count++;
  }
  return count;
}

/**
 * The delimiter of the file's header row, judged on the first lines of text: the header is the
 * line that names the most columns, so the candidate with the most cells on one line wins.
 * Comma wins ties, then tab (Excel's "Unicode text"), then semicolon (European Excel).
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = text.split('\n', DELIMITER_SEARCH_LINES);
  // The last piece may be cut mid-line; it still shows the delimiters it holds.
  let best: Delimiter = 'comma';
  let bestCount = 0;
  for (const delimiter of ['comma', 'tab', 'semicolon'] as const) {
    const char = DELIMITER_CHARS[delimiter];
    const most = Math.max(0, ...lines.map((line) => countOutsideQuotes(line, char)));
    if (most > bestCount) {
      best = delimiter;
      bestCount = most;
    }
  }
  return best;
}

/** The first bytes the delimiter is judged on (the fast reader judges on the same). */
export const DELIMITER_SAMPLE_BYTES = 256 << 10;

function textOf(chunk: Buffer | string): string {
  return typeof chunk === 'string' ? chunk : chunk.subarray(0, DELIMITER_SAMPLE_BYTES).toString('utf8');
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
  /** Fixed by the caller (a range of a file whose header was read before); else detected. */
  knownDelimiter?: Delimiter,
): Promise<CsvReadResult> {
  const decoder = new ChunkDecoder(range?.encoding ?? null);
  let nextLine = range?.firstLine ?? 1;
  let stopped = false;
  let bytesSinceRecord = 0;
  let parseError: unknown = null;
  let delimiter: Delimiter = knownDelimiter ?? 'comma';
  let parser: Parser | null = null;
  let finished: Promise<void> = Promise.resolve();
  let columns: ColumnCounter | null = null;

  // The parser is made when the first text arrives, since the delimiter is read from it.
  const parserFor = (firstText: Buffer | string): Parser => {
    if (parser !== null) return parser;
    if (knownDelimiter === undefined) delimiter = detectDelimiter(textOf(firstText));
    const created = new Parser({ relax_column_count: true, delimiter: DELIMITER_CHARS[delimiter] });
    columns = new ColumnCounter(DELIMITER_CHARS[delimiter].charCodeAt(0), range?.firstLine ?? 1);
    created.on('data', (cells: string[]) => {
      if (stopped) return;
      bytesSinceRecord = 0;
      expectWidthOf(created, cells);
      const line = nextLine;
      nextLine += 1 + newlinesIn(cells);
      if (!onRecord(cells, line)) stopped = true;
    });
    finished = new Promise<void>((resolve) => {
      created.once('end', resolve);
      created.once('close', resolve);
      created.on('error', (error) => {
        parseError ??= error;
        resolve();
      });
    });
    parser = created;
    return created;
  };

  // Checked on the opened handle: a path swapped for a pipe or /dev/zero after a stat is refused.
  const handle = await openRegularFile(path, MAX_DATA_FILE_BYTES);
  const input = cappedReadStream(handle, path, MAX_DATA_FILE_BYTES, {
    highWaterMark: READ_CHUNK_BYTES,
    ...(range ? { start: range.start, end: range.end - 1 } : {}),
  });
  let decodeFailure: DecodeFailure | null = null;
  let runaway: MalformedCode | null = null;
  let tooWideAt: number | null = null;
  let endedBeforeWide = false;
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      onBytes?.(chunk.length);
      bytesSinceRecord += chunk.length;
      const text = decoder.push(chunk);
      if (text.length === 0) continue;
      const active = parserFor(text);
      if (!columns!.feed(text)) {
        tooWideAt = columns!.recordLine;
        // The records before the wide one in this chunk are read, as the fast reader reads them.
        const before = columns!.recordStart;
        if (before > 0) {
          active.end(typeof text === 'string' ? text.slice(0, before) : text.subarray(0, before));
          endedBeforeWide = true;
        }
        break;
      }
      if (!active.write(text)) await writable(active);
      if (stopped || active.destroyed) break;
      if (bytesSinceRecord > RUNAWAY_QUOTE_BYTES) {
        runaway = insideQuotes(active) ? 'unclosedQuote' : 'malformed';
        break;
      }
    }
    if (!stopped && !runaway && tooWideAt === null && !(parser as Parser | null)?.destroyed) {
      const rest = decoder.end();
      const active = parserFor(rest);
      if (rest.length > 0 && !columns!.feed(rest)) {
        tooWideAt = columns!.recordLine;
        const before = Math.max(columns!.recordStart, 0);
        active.end(typeof rest === 'string' ? rest.slice(0, before) : rest.subarray(0, before));
        endedBeforeWide = true;
      } else {
        if (rest.length > 0) active.write(rest);
        active.end();
      }
    }
  } catch (error) {
    if (!(error instanceof DecodeFailure)) throw error;
    decodeFailure = error;
  } finally {
    input.destroy();
  }
  if (decodeFailure || stopped || runaway || (tooWideAt !== null && !endedBeforeWide))
    (parser as Parser | null)?.destroy();
  await finished;

  const encoding: Encoding = decoder.encoding ?? 'utf-8';
  if (decodeFailure) {
    // A workbook or a UTF-16 file is wrong as a whole; the others are wrong from some line on.
    // A workbook, a UTF-16 file or a foreign encoding is wrong as a whole; the others from some line on.
    const wholeFile = WHOLE_FILE_FAILURES.has(decodeFailure.code);
    const line = wholeFile ? null : ((await findFirstBadLine(path, lineTestFor(decodeFailure))) ?? nextLine);
    return { end: { status: 'undecodable', failure: decodeFailure, line }, encoding, delimiter };
  }
  if (stopped) return { end: { status: 'stopped' }, encoding, delimiter };
  if (tooWideAt !== null) {
    const end: CsvEnd = { status: 'malformed', code: 'tooManyColumns', line: tooWideAt, detail: '' };
    return { end, encoding, delimiter };
  }
  if (runaway) {
    const detail = runaway === 'malformed' ? `no line break in ${RUNAWAY_QUOTE_BYTES >> 20} MB` : '';
    return { end: { status: 'malformed', code: runaway, line: nextLine, detail }, encoding, delimiter };
  }
  if (parseError !== null) {
    const detail = parseError instanceof Error ? parseError.message : String(parseError);
    const end: CsvEnd = { status: 'malformed', code: malformedCode(parseError), line: nextLine, detail };
    return { end, encoding, delimiter };
  }
  return { end: { status: 'complete' }, encoding, delimiter };
}
