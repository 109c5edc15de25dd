// Where a big export can be cut so that each worker thread reads whole records of its own.
//
// A line feed ends a record exactly when an even number of quote bytes comes before it: in
// RFC 4180 quoting a quote either opens or closes a quoted cell, or is one of the pair that
// writes a quote inside one (PERFORMANCE.md). GBK's trail bytes are never a quote, CR or LF,
// so the same bytes are read whatever the encoding. Cutting is only a plan: the reader of
// each range parses it, and a range that does not end cleanly sends the file back to the
// one-pass reader, so a wrong cut costs time, never a wrong number.
//
// A cut is also placed where the range reader cannot read differently from the one-pass
// reader: csv-parse learns the line ending from the first it meets, so the record after the
// cut must end the way the file's first record does; and the range must not begin with bytes
// the decoder takes for a byte-order mark or a workbook signature.

import { open, type FileHandle } from 'node:fs/promises';
import type { ByteRange } from '../csv.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SCAN_CHUNK_BYTES = 1 << 20;
/** How far past its target a cut is looked for; a longer record leaves that cut out. */
const SEARCH_BYTES = 1 << 20;
/** How far before a cut the record it ends is looked for, to compare with the record after it. */
const PREVIOUS_RECORD_BYTES = 64 << 10;

type LineEnd = 'lf' | 'crlf';

/** Bytes the decoder reads as a BOM, UTF-16 or a workbook when a range starts with them. */
const SIGNATURES: readonly (readonly number[])[] = [
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
  [0x50, 0x4b, 0x03, 0x04],
  [0xd0, 0xcf, 0x11, 0xe0],
];

/** Quote parity and line count at one offset of the file. */
interface Mark {
  offset: number;
  quotes: number;
  lines: number;
}

function countBetween(bytes: Buffer, byte: number, from: number, to: number): number {
  let count = 0;
  for (let at = bytes.indexOf(byte, from); at !== -1 && at < to; at = bytes.indexOf(byte, at + 1)) count++;
  return count;
}

async function readAt(handle: FileHandle, buffer: Buffer, position: number, length: number): Promise<Buffer> {
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

/** The line ending of the file's first record, or null when it has none near the start (or ends lines with CR alone). */
function firstLineEnd(head: Buffer): LineEnd | null {
  let quotes = 0;
  for (let at = 0; at < head.length; at++) {
    const byte = head[at]!;
    if (byte === QUOTE) quotes++;
    else if ((byte === LF || byte === CR) && quotes % 2 === 0) {
      if (byte === LF) return 'lf';
      return head[at + 1] === LF ? 'crlf' : null;
    }
  }
  return null;
}

/** Quote and line-feed counts before each target offset (ascending), in one pass over the file's start. */
async function marksAt(handle: FileHandle, targets: readonly number[]): Promise<Mark[]> {
  const buffer = Buffer.allocUnsafe(SCAN_CHUNK_BYTES);
  const marks: Mark[] = [];
  let quotes = 0;
  let lines = 0;
  let position = 0;
  for (const target of targets) {
    while (position < target) {
      const bytes = await readAt(handle, buffer, position, Math.min(SCAN_CHUNK_BYTES, target - position));
      if (bytes.length === 0) return marks;
      quotes += countBetween(bytes, QUOTE, 0, bytes.length);
      lines += countBetween(bytes, LF, 0, bytes.length);
      position += bytes.length;
    }
    marks.push({ offset: target, quotes, lines });
  }
  return marks;
}

function startsWithSignature(bytes: Buffer, at: number): boolean {
  return SIGNATURES.some((signature) => signature.every((byte, i) => bytes[at + i] === byte));
}

/**
 * Where the record starting at `from` (outside quotes) ends, as the offset of its line feed,
 * or -1 when the window ends first or the record ends another way than `lineEnd`.
 */
function recordEnd(window: Buffer, from: number, lineEnd: LineEnd): number {
  let quotes = 0;
  for (let at = from; at < window.length; at++) {
    const byte = window[at]!;
    if (byte === QUOTE) {
      quotes++;
    } else if ((byte === LF || byte === CR) && quotes % 2 === 0) {
      if (lineEnd === 'lf') return byte === LF ? at : -1;
      return byte === CR && window[at + 1] === LF ? at + 1 : -1;
    }
  }
  return -1;
}

/**
 * Where the record ending just before `cut` starts, walking back from the cut: the nearest
 * line feed with an even number of quotes before it. -1 when the window does not reach it.
 */
function previousRecordStart(window: Buffer, cut: number, quotesBeforeCut: number): number {
  let quotesBetween = 0;
  for (let at = cut - 2; at >= 0; at--) {
    const byte = window[at]!;
    if (byte === QUOTE) quotesBetween++;
    else if (byte === LF && (quotesBeforeCut - quotesBetween) % 2 === 0) return at + 1;
  }
  return -1;
}

/**
 * A re-export pasted twice puts each copied record right after its original: a cut between
 * the two would make a duplicate that only the whole file shows, so such a cut is moved on.
 */
function isCopyOfPreviousRecord(
  window: Buffer,
  windowStart: number,
  cut: number,
  nextEnd: number,
  quotes: number,
): boolean {
  let previousStart = previousRecordStart(window, cut, quotes);
  if (previousStart === -1) {
    // The record began before the window: at the file's start it is the whole first record;
    // otherwise too long to be worth comparing.
    if (windowStart > 0) return false;
    previousStart = 0;
  }
  return window.subarray(previousStart, cut).equals(window.subarray(cut, nextEnd + 1));
}

/**
 * The first record start at or after `mark` where a range may begin, as a file offset and the
 * line it is on; null when none lies within reach.
 */
async function cutAfter(handle: FileHandle, mark: Mark, size: number, lineEnd: LineEnd): Promise<Mark | null> {
  const windowStart = Math.max(0, mark.offset - PREVIOUS_RECORD_BYTES);
  const length = Math.min(size, mark.offset + SEARCH_BYTES) - windowStart;
  const window = await readAt(handle, Buffer.allocUnsafe(length), windowStart, length);
  let quotes = mark.quotes;
  let lines = mark.lines;
  for (let at = mark.offset - windowStart; at < window.length; at++) {
    const byte = window[at]!;
    if (byte === QUOTE) {
      quotes++;
      continue;
    }
    if (byte !== LF) continue;
    lines++;
    if (quotes % 2 !== 0) continue;
    if (lineEnd === 'crlf' && window[at - 1] !== CR) continue;
    const cut = at + 1;
    if (windowStart + cut >= size || startsWithSignature(window, cut)) continue;
    const nextEnd = recordEnd(window, cut, lineEnd);
    if (nextEnd === -1) continue;
    if (isCopyOfPreviousRecord(window, windowStart, cut, nextEnd, quotes)) continue;
    return { offset: windowStart + cut, quotes, lines };
  }
  return null;
}

/**
 * Cuts [0, size) into ranges starting at the first record boundary at or after each target
 * offset (ascending). A target with no boundary within reach is left out; null when the file
 * cannot be cut at all.
 */
export async function cutRanges(path: string, size: number, targets: readonly number[]): Promise<ByteRange[] | null> {
  const handle = await open(path, 'r');
  try {
    const headLength = Math.min(size, SCAN_CHUNK_BYTES);
    const lineEnd = firstLineEnd(await readAt(handle, Buffer.allocUnsafe(headLength), 0, headLength));
    if (lineEnd === null) return null;

    const cuts: Mark[] = [];
    for (const mark of await marksAt(handle, targets)) {
      const cut = await cutAfter(handle, mark, size, lineEnd);
      const previous = cuts[cuts.length - 1];
      if (cut !== null && (previous === undefined || cut.offset > previous.offset)) cuts.push(cut);
    }
    if (cuts.length === 0) return null;

    const ranges: ByteRange[] = [];
    let start: Mark = { offset: 0, quotes: 0, lines: 0 };
    for (const cut of [...cuts, { offset: size, quotes: 0, lines: 0 }]) {
      ranges.push({ start: start.offset, end: cut.offset, firstLine: start.lines + 1 });
      start = cut;
    }
    return ranges;
  } finally {
    await handle.close();
  }
}
