// The byte scanner of the fast reader: finds the records and fields of plain comma-separated
// bytes (RFC 4180 quoting, one line ending for the whole file) and turns into strings only
// the cells someone reads. Every other cell becomes an empty string or a stand-in, which is
// all the row rules look at in a cell nobody reads (is the row blank, is it wider).
//
// It accepts exactly the bytes csv-parse (as csv.ts configures it) reads without complaint and
// the same way, and nothing more: a quote inside an unquoted cell, text after a closing quote,
// a line ending other than the file's first, a bare CR, an unclosed quote are all "declined",
// and the caller hands the file to csv-parse, which reports them as it always has. UTF-8 and
// GB18030 keep comma, quote, CR and LF out of their multi-byte characters, so the structure is
// found in the bytes whatever the encoding; only the kept cells are decoded.

import { TextDecoder } from 'node:util';
import { MAX_COLUMNS } from '../csv.js';

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * What a cell nobody reads holds when it is not empty: never shown, never parsed, only told
 * apart from a blank cell. Whitespace-only cells get their exact text (see blankness below).
 */
export const UNREAD_CELL = '\u0001';

export type LineEnding = 'lf' | 'crlf';

/** Receives each record and the 1-based line it starts on; returns false to stop reading. */
export type RecordHandler = (cells: string[], line: number) => boolean;

/**
 * Which columns the handler reads, 1 per column of the header; null while every cell is
 * wanted (before the header is known, or for files read whole).
 */
export type WantedColumns = () => Uint8Array | null;

export type TextEncoding = 'ascii' | 'utf-8' | 'gb18030';

/** Why the scanner gave up: csv-parse then reads the file, and words what is wrong (if anything). */
export class Declined extends Error {
  constructor(readonly why: string) {
    super(why);
    this.name = 'Declined';
  }
}

export type ScanStep = 'more' | 'stopped';

const gb18030 = new TextDecoder('gb18030');

/** Node's Buffer methods behind toString('utf8' | 'latin1', start, end). */
interface Slicers {
  utf8Slice(start: number, end: number): string;
  latin1Slice(start: number, end: number): string;
}

function isAsciiRange(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}

/** ASCII bytes String.prototype.trim removes. */
function isAsciiSpace(byte: number): boolean {
  return byte === 0x20 || (byte >= 0x09 && byte <= 0x0d);
}

/**
 * Texts of the read cells of one UTF-8 record, cut from a few decoded stretches of it instead of
 * decoded one by one. Each decoding is a call into native code that costs about as much for 10
 * bytes as for 200 (measured: 140-190 ns a call on the bench machine), and an order line has
 * fifteen read cells; cutting a decoded string (String.prototype.slice) stays inside V8. The read
 * cells of an order export sit close together, so one stretch usually covers them all; a run of
 * unread cells longer than MAX_UNREAD_GAP (addresses, notes) starts a new stretch instead of being
 * decoded for nothing. A cell's place in the decoded text is its byte offset less the UTF-8
 * continuation bytes before it, plus one for each four-byte character (a surrogate pair).
 * Valid UTF-8 only: the decoder has checked every chunk before the scanner sees it.
 */
const MAX_UNREAD_GAP = 96;

/** A quoted cell's text with each doubled quote standing for one, when it had any. */
function unescaped(text: string, escaped: boolean): string {
  return escaped ? text.replaceAll('""', '"') : text;
}

class Utf8Segments {
  private bytes: Buffer = Buffer.alloc(0);
  private wanted: Uint8Array = new Uint8Array(0);
  /** The stretch decoded last: bytes [start, end) as text. */
  private start = 0;
  private end = -1;
  private text = '';
  private ascii = true;
  /** How far into the stretch the byte-to-unit count has got: byte `walkedTo` is unit `walkedUnits`. */
  private walkedTo = 0;
  private walkedUnits = 0;

  /** `fields`: the scanner's positions, refilled for every record. */
  constructor(private readonly fields: FieldPositions) {}

  begin(bytes: Buffer, wanted: Uint8Array): void {
    this.bytes = bytes;
    this.wanted = wanted;
    this.end = -1;
  }

  /** The text of read field `field` (fields are asked for in order). */
  cell(field: number): string {
    const fields = this.fields;
    const start = fields.starts[field]!;
    const end = fields.ends[field]!;
    if (start === end) return '';
    if (end > this.end) this.decodeFrom(field);
    let text: string;
    if (this.ascii) text = this.text.slice(start - this.start, end - this.start);
    else {
      const from = this.unitAt(start);
      text = this.text.slice(from, this.unitAt(end));
    }
    return unescaped(text, fields.escaped[field] === 1);
  }

  /** Decodes the stretch from field `first` over the read fields after it, up to a long unread gap. */
  private decodeFrom(first: number): void {
    const { starts, ends, count } = this.fields;
    const wanted = this.wanted;
    const start = starts[first]!;
    let end = ends[first]!;
    for (let i = first + 1; i < count; i++) {
      if (i < wanted.length && wanted[i] !== 1) continue;
      if (starts[i]! - end > MAX_UNREAD_GAP) break;
      end = ends[i]!;
    }
    this.start = start;
    this.end = end;
    this.text = (this.bytes as unknown as Slicers).utf8Slice(start, end);
    this.ascii = this.text.length === end - start;
    this.walkedTo = start;
    this.walkedUnits = 0;
  }

  /** The UTF-16 offset in the stretch of byte `at` (at or after the last one asked for). */
  private unitAt(at: number): number {
    const bytes = this.bytes;
    let units = this.walkedUnits;
    for (let i = this.walkedTo; i < at; i++) {
      const byte = bytes[i]!;
      if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1;
    }
    this.walkedTo = at;
    this.walkedUnits = units;
    return units;
  }
}

/**
 * Field positions of one record: content [start, end) (inside the quotes for a quoted cell)
 * and whether doubled quotes in it stand for one.
 */
class FieldPositions {
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  escaped = new Uint8Array(64);
  count = 0;

  push(start: number, end: number, escaped: boolean): void {
    if (this.count === this.starts.length) this.grow();
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.escaped[this.count] = escaped ? 1 : 0;
    this.count++;
  }

  private grow(): void {
    // A record past csv.ts's column cap is csv-parse's to stop, as a file problem: the
    // positions never grow beyond the cap, so a record of exactly the cap still fits.
    if (this.starts.length >= MAX_COLUMNS) throw new Declined('a record wider than the column cap');
    const size = Math.min(this.starts.length * 2, MAX_COLUMNS);
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const escaped = new Uint8Array(size);
    starts.set(this.starts);
    ends.set(this.ends);
    escaped.set(this.escaped);
    this.starts = starts;
    this.ends = ends;
    this.escaped = escaped;
  }
}

export class RecordScanner {
  /** null until the first line ending outside quotes, as csv-parse learns it. */
  lineEnding: LineEnding | null = null;
  /** Records handed to the handler so far: what csv-parse must skip when it takes over. */
  delivered = 0;
  private nextLine: number;
  private readonly fields = new FieldPositions();
  /** Reused for every record once only some columns are wanted (the handler keeps no row then). */
  private row: string[] = [];
  /** Cuts a UTF-8 record's read cells from its decoded stretches (GB18030 cells are decoded one by one). */
  private readonly segments = new Utf8Segments(this.fields);

  constructor(
    private readonly onRecord: RecordHandler,
    private readonly wanted: WantedColumns,
    firstLine: number,
  ) {
    this.nextLine = firstLine;
  }

  /**
   * Reads the complete records in bytes [0, limit) and returns where the unread rest begins;
   * with `final`, the bytes are the end of the file and a last record needs no line ending.
   * Throws Declined for anything it does not read exactly as csv-parse would.
   */
  scan(bytes: Buffer, limit: number, final: boolean, encoding: TextEncoding): { rest: number; step: ScanStep } {
    let at = 0;
    while (at < limit) {
      const end = this.scanRecord(bytes, at, limit, final);
      if (end === -1) break;
      const keepGoing = this.deliver(bytes, encoding);
      at = end;
      if (!keepGoing) return { rest: at, step: 'stopped' };
    }
    return { rest: at, step: 'more' };
  }

  /**
   * Finds the fields of the record at `start`; returns the offset after its line ending, or -1
   * when the record is not complete before `limit`.
   */
  private scanRecord(bytes: Buffer, start: number, limit: number, final: boolean): number {
    const fields = this.fields;
    fields.count = 0;
    let newlines = 0;
    let at = start;
    for (;;) {
      // One field, starting at `at`.
      if (at < limit && bytes[at] === QUOTE) {
        const contentStart = at + 1;
        let escaped = false;
        let p = contentStart;
        for (;;) {
          const close = bytes.indexOf(QUOTE, p);
          if (close === -1 || close >= limit) {
            if (final) throw new Declined('unclosed quote');
            return -1;
          }
          if (close + 1 < limit && bytes[close + 1] === QUOTE) {
            escaped = true;
            p = close + 2;
            continue;
          }
          if (close + 1 >= limit && !final) return -1;
          newlines += countLineFeeds(bytes, contentStart, close);
          fields.push(contentStart, close, escaped);
          at = close + 1;
          break;
        }
        if (at >= limit) {
          this.finishRecord(newlines);
          return at;
        }
        const after = bytes[at]!;
        if (after === COMMA) {
          at++;
          continue;
        }
        const ending = this.lineEndingAt(bytes, at, limit, final);
        if (ending === -1) return -1;
        if (ending === 0) throw new Declined('text after a closing quote');
        this.finishRecord(newlines);
        return at + ending;
      }
      let p = at;
      while (p < limit) {
        const byte = bytes[p]!;
        if (byte === COMMA || byte === LF || byte === CR) break;
        if (byte === QUOTE) throw new Declined('a quote inside an unquoted cell');
        p++;
      }
      if (p >= limit) {
        if (!final) return -1;
        // The file ends without a line ending: csv-parse ends the record there.
        fields.push(at, p, false);
        this.finishRecord(newlines);
        return p;
      }
      fields.push(at, p, false);
      if (bytes[p] === COMMA) {
        at = p + 1;
        continue;
      }
      const ending = this.lineEndingAt(bytes, p, limit, final);
      if (ending === -1) return -1;
      if (ending === 0) throw new Declined('a line ending unlike the first');
      this.finishRecord(newlines);
      return p + ending;
    }
  }

  /**
   * Length of the record's line ending at `at` (CR or LF there); 0 when the byte is not the
   * file's line ending, -1 when more bytes are needed to tell.
   */
  private lineEndingAt(bytes: Buffer, at: number, limit: number, final: boolean): number {
    const byte = bytes[at];
    if (byte === LF) {
      if (this.lineEnding === null) this.lineEnding = 'lf';
      return this.lineEnding === 'lf' ? 1 : 0;
    }
    if (byte !== CR) return 0;
    if (at + 1 >= limit) {
      if (!final) return -1;
      throw new Declined('a CR at the end of the file');
    }
    if (bytes[at + 1] !== LF) throw new Declined('a CR without LF');
    if (this.lineEnding === null) this.lineEnding = 'crlf';
    return this.lineEnding === 'crlf' ? 2 : 0;
  }

  private lineOfRecord = 0;

  private finishRecord(newlines: number): void {
    this.lineOfRecord = this.nextLine;
    this.nextLine += 1 + newlines;
  }

  private deliver(bytes: Buffer, encoding: TextEncoding): boolean {
    const { fields } = this;
    const count = fields.count;
    const wanted = this.wanted();
    this.delivered++;
    if (wanted === null) {
      const cells = new Array<string>(count);
      for (let i = 0; i < count; i++) cells[i] = this.text(bytes, i, encoding);
      return this.onRecord(cells, this.lineOfRecord);
    }
    if (this.row.length !== count) this.row = new Array<string>(count);
    const cells = this.row;
    const width = wanted.length;
    let someReadCellFilled = false;
    const cut = encoding === 'gb18030' ? null : this.segments;
    cut?.begin(bytes, wanted);
    for (let i = 0; i < count; i++) {
      if (i >= width || wanted[i] === 1) {
        const cell = cut === null ? this.text(bytes, i, encoding) : cut.cell(i);
        cells[i] = cell;
        if (!someReadCellFilled && cell.length > 0 && cell.trim() !== '') someReadCellFilled = true;
      } else {
        cells[i] = fields.starts[i] === fields.ends[i] ? '' : UNREAD_CELL;
      }
    }
    // A row is blank when every cell is: only then does an unread cell's exact text matter.
    if (!someReadCellFilled) this.settleUnreadCells(bytes, cells, wanted, encoding);
    return this.onRecord(cells, this.lineOfRecord);
  }

  /** Unread cells that are whitespace only get their text, so a blank row reads as blank. */
  private settleUnreadCells(bytes: Buffer, cells: string[], wanted: Uint8Array, encoding: TextEncoding): void {
    const { starts, ends } = this.fields;
    for (let i = 0; i < cells.length && i < wanted.length; i++) {
      if (wanted[i] === 1 || starts[i] === ends[i]) continue;
      const first = bytes[starts[i]!]!;
      if (first < 0x80 && !isAsciiSpace(first)) continue;
      cells[i] = this.text(bytes, i, encoding);
    }
  }

  private text(bytes: Buffer, field: number, encoding: TextEncoding): string {
    const start = this.fields.starts[field]!;
    const end = this.fields.ends[field]!;
    if (start === end) return '';
    // Buffer's own slicers, without toString's argument checks: a million rows call this 15 times each.
    const slicer = bytes as unknown as Slicers;
    let text: string;
    if (encoding === 'utf-8') text = slicer.utf8Slice(start, end);
    else if (encoding === 'ascii' || isAsciiRange(bytes, start, end)) text = slicer.latin1Slice(start, end);
    else text = gb18030.decode(bytes.subarray(start, end));
    return unescaped(text, this.fields.escaped[field] === 1);
  }
}

function countLineFeeds(bytes: Buffer, start: number, end: number): number {
  let count = 0;
  for (let at = bytes.indexOf(LF, start); at !== -1 && at < end; at = bytes.indexOf(LF, at + 1)) count++;
  return count;
}
