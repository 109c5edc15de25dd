// Bytes → text the CSV parser can read. Exports come as UTF-8 (with or without BOM), as
// GB18030/GBK (Excel on Chinese Windows), or as UTF-16 (Excel's "Unicode text"). The rule is
// DATA.md's: try UTF-8, and on invalid bytes read GB18030; never show mojibake, so bytes that
// a detector reads as Big5, Shift-JIS, EUC-JP or EUC-KR are refused rather than garbled.
//
// The decision is made on the first chunk that holds a non-ASCII byte. Everything before it
// was ASCII, which both encodings spell the same way, so deciding late loses nothing. UTF-8
// chunks go to the parser as raw bytes (it decodes fields itself, which is cheapest), checked
// with the native validator; GB18030 chunks are decoded by Node's streaming TextDecoder.

import { createReadStream } from 'node:fs';
import { isAscii, isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { detectForeignEncoding } from './foreign-encoding.js';
import type { Encoding } from './types.js';

export type DecodeFailureCode = 'binary' | 'excel' | 'notText' | 'mixedEncoding' | 'foreignEncoding' | 'badUtf16';

export class DecodeFailure extends Error {
  constructor(
    readonly code: DecodeFailureCode,
    readonly encoding: Encoding | null,
    /** The encoding a detector found, for foreignEncoding. */
    readonly detected: string | null = null,
  ) {
    super(code);
    this.name = 'DecodeFailure';
  }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // .xlsx is a zip archive
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // .xls (Excel 97-2003)

function startsWith(chunk: Buffer, bytes: readonly number[]): boolean {
  if (chunk.length < bytes.length) return false;
  return bytes.every((byte, i) => chunk[i] === byte);
}

/**
 * UTF-16 saved without a BOM: text whose characters are mostly ASCII (digits, delimiters,
 * Latin headers) puts a zero byte in every other position, which no UTF-8 or GB18030 text
 * does. Judged on the first few hundred characters.
 */
export function utf16WithoutBom(chunk: Buffer): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.min(512, chunk.length >> 1);
  if (pairs < 4) return null;
  let zeroHigh = 0;
  let zeroLow = 0;
  for (let i = 0; i < pairs; i++) {
    if (chunk[2 * i] === 0) zeroLow++;
    if (chunk[2 * i + 1] === 0) zeroHigh++;
  }
  if (zeroHigh >= pairs * 0.3 && zeroLow <= pairs * 0.02) return 'utf-16le';
  if (zeroLow >= pairs * 0.3 && zeroHigh <= pairs * 0.02) return 'utf-16be';
  return null;
}

/**
 * Length of the prefix of `bytes` that does not end inside a UTF-8 sequence: a multi-byte
 * character cut by a chunk boundary is completed by the next chunk.
 */
function completeUtf8Length(bytes: Buffer, from: number): number {
  const end = bytes.length;
  for (let back = 1; back <= 4 && end - back >= from; back++) {
    const byte = bytes[end - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const expected = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return back < expected ? end - back : end;
  }
  return end;
}

function utf8SequenceLength(lead: number): number {
  return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
}

/** Turns a file's chunks into parser input: UTF-8 bytes, or strings decoded from GB18030. */
export class ChunkDecoder {
  /** null while everything seen was ASCII. */
  encoding: Encoding | null = null;
  /** The length of the byte-order mark taken off the first chunk (the text starts after it). */
  bomBytes = 0;
  private started = false;
  /** Undecided: the first non-ASCII bytes, held back until there are enough to judge. */
  private heldBack: Buffer | null = null;
  /** UTF-8: the start of a character cut by the chunk boundary, for the validator. */
  private utf8Carry: Buffer | null = null;
  private gb18030: TextDecoder | null = null;
  private utf16: TextDecoder | null = null;

  /**
   * `continuing`: how the file's bytes before these were decoded, for a range read from the
   * middle of a file. The range is then decoded as one pass goes on decoding it, not decided
   * afresh from its own first bytes: GB18030's 茅 is C3 A9, which is also UTF-8 (é).
   */
  constructor(continuing: Encoding | null = null) {
    if (continuing === null) return;
    this.started = true;
    this.encoding = continuing;
    if (continuing === 'gb18030') this.gb18030 = new TextDecoder('gb18030', { fatal: true });
    else if (continuing === 'utf-16le' || continuing === 'utf-16be') this.startUtf16(continuing, Buffer.alloc(0));
  }

  push(chunk: Buffer): Buffer | string {
    let bytes = chunk;
    if (!this.started) {
      this.started = true;
      bytes = this.sniff(bytes);
    }
    if (this.utf16) return this.decodeUtf16(bytes, false);
    if (bytes.indexOf(0) !== -1) throw new DecodeFailure('binary', this.encoding);
    if (this.gb18030) return this.decodeGb18030(bytes, false);
    if (this.encoding !== null) {
      this.checkUtf8(bytes);
      return bytes;
    }
    return this.decide(bytes, false);
  }

  /** The rest of the text at end of file. */
  end(): Buffer | string {
    if (this.utf16) return this.decodeUtf16(Buffer.alloc(0), true);
    if (this.gb18030) return this.decodeGb18030(Buffer.alloc(0), true);
    if (this.encoding === null) return this.decide(Buffer.alloc(0), true);
    if (this.utf8Carry !== null) throw new DecodeFailure('mixedEncoding', this.encoding);
    return Buffer.alloc(0);
  }

  private sniff(chunk: Buffer): Buffer {
    if (startsWith(chunk, UTF8_BOM)) {
      this.encoding = 'utf-8-bom';
      this.bomBytes = UTF8_BOM.length;
      return chunk.subarray(UTF8_BOM.length);
    }
    if (startsWith(chunk, [0xff, 0xfe])) return this.startUtf16('utf-16le', chunk.subarray(2));
    if (startsWith(chunk, [0xfe, 0xff])) return this.startUtf16('utf-16be', chunk.subarray(2));
    if (startsWith(chunk, ZIP_MAGIC) || startsWith(chunk, OLE_MAGIC)) throw new DecodeFailure('excel', null);
    const withoutBom = utf16WithoutBom(chunk);
    if (withoutBom) return this.startUtf16(withoutBom, chunk);
    return chunk;
  }

  private startUtf16(encoding: 'utf-16le' | 'utf-16be', rest: Buffer): Buffer {
    this.encoding = encoding;
    this.utf16 = new TextDecoder(encoding, { fatal: true });
    return rest;
  }

  private decodeUtf16(bytes: Buffer, final: boolean): string {
    try {
      return final ? this.utf16!.decode(bytes) : this.utf16!.decode(bytes, { stream: true });
    } catch {
      throw new DecodeFailure('badUtf16', this.encoding);
    }
  }

  private decide(chunk: Buffer, final: boolean): Buffer | string {
    const bytes = this.heldBack ? Buffer.concat([this.heldBack, chunk]) : chunk;
    this.heldBack = null;
    if (isAscii(bytes)) return bytes;
    let firstNonAscii = 0;
    while (bytes[firstNonAscii]! < 0x80) firstNonAscii++;
    // A character or two is too little to tell the encodings apart; wait for more bytes.
    if (!final && bytes.length - firstNonAscii < 8) {
      this.heldBack = Buffer.from(bytes.subarray(firstNonAscii));
      return bytes.subarray(0, firstNonAscii);
    }
    const cut = final ? bytes.length : completeUtf8Length(bytes, firstNonAscii);
    if (cut > firstNonAscii && isUtf8(bytes.subarray(firstNonAscii, cut))) {
      this.encoding = 'utf-8';
      this.utf8Carry = cut < bytes.length ? Buffer.from(bytes.subarray(cut)) : null;
      return bytes;
    }
    const foreign = detectForeignEncoding(bytes.subarray(firstNonAscii));
    if (foreign !== null) throw new DecodeFailure('foreignEncoding', null, foreign);
    this.encoding = 'gb18030';
    this.gb18030 = new TextDecoder('gb18030', { fatal: true });
    try {
      return this.decodeGb18030(bytes, final);
    } catch {
      // Valid UTF-8 text before the bad bytes: the file mixes encodings, it is not GB18030.
      if (isUtf8(lineAround(bytes, firstNonAscii))) throw new DecodeFailure('mixedEncoding', 'utf-8');
      throw new DecodeFailure('notText', null);
    }
  }

  private checkUtf8(chunk: Buffer): void {
    let start = 0;
    if (this.utf8Carry !== null) {
      const needed = utf8SequenceLength(this.utf8Carry[0]!) - this.utf8Carry.length;
      if (chunk.length < needed) {
        this.utf8Carry = Buffer.concat([this.utf8Carry, chunk]);
        return;
      }
      const joined = Buffer.concat([this.utf8Carry, chunk.subarray(0, needed)]);
      if (!isUtf8(joined)) throw new DecodeFailure('mixedEncoding', this.encoding);
      this.utf8Carry = null;
      start = needed;
    }
    const cut = completeUtf8Length(chunk, start);
    if (!isUtf8(chunk.subarray(start, cut))) throw new DecodeFailure('mixedEncoding', this.encoding);
    if (cut < chunk.length) this.utf8Carry = Buffer.from(chunk.subarray(cut));
  }

  private decodeGb18030(bytes: Buffer, final: boolean): string {
    try {
      return final ? this.gb18030!.decode(bytes) : this.gb18030!.decode(bytes, { stream: true });
    } catch {
      throw new DecodeFailure('notText', this.encoding);
    }
  }
}

/** The bytes of the line that holds `position` (without its line break). */
function lineAround(bytes: Buffer, position: number): Buffer {
  const start = bytes.lastIndexOf(10, position) + 1;
  const newline = bytes.indexOf(10, position);
  return bytes.subarray(start, newline === -1 ? bytes.length : newline);
}

function isGb18030(line: Buffer): boolean {
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(line);
    return true;
  } catch {
    return false;
  }
}

/**
 * A line-by-line test for where a decode failure sits: the first line that is not text in the
 * encoding the file was read as, or, when no encoding fitted, in neither of them.
 */
export function lineTestFor(failure: DecodeFailure): (line: Buffer) => boolean {
  if (failure.code === 'binary') return (line) => line.indexOf(0) !== -1;
  if (failure.encoding === 'gb18030') return (line) => !isGb18030(line);
  if (failure.encoding === null) return (line) => !isUtf8(line) && !isGb18030(line);
  return (line) => !isUtf8(line);
}

/**
 * 1-based number of the first line for which `isBad` holds, reading the file again. Only
 * used on the error path, so a second read costs nothing that matters. Both encodings keep
 * 0x0A out of multi-byte characters, so splitting bytes at it is safe.
 */
export async function findFirstBadLine(path: string, isBad: (line: Buffer) => boolean): Promise<number | null> {
  let lineNumber = 1;
  let partial: Buffer | null = null;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let bytes: Buffer = partial ? Buffer.concat([partial, chunk]) : chunk;
    partial = null;
    let start = 0;
    for (let newline = bytes.indexOf(10); newline !== -1; newline = bytes.indexOf(10, start)) {
      if (isBad(bytes.subarray(start, newline))) return lineNumber;
      lineNumber++;
      start = newline + 1;
    }
    bytes = bytes.subarray(start);
    partial = Buffer.from(bytes);
  }
  if (partial && partial.length > 0 && isBad(partial)) return lineNumber;
  return null;
}
