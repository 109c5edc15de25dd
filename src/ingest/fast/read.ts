// The fast reader: one file (or byte range) of plain comma-separated UTF-8 or GB18030 read by
// the byte scanner, with csv-parse (csv.ts) as the reference reader behind it. Anything the
// scanner declines, however far into the file, is handed to csv-parse from the start of the
// same bytes, which skips the records the scanner already delivered: the handler sees one
// sequence of records either way, and every error, line number and encoding is csv-parse's
// and the decoder's own. Decoding rules stay in decode.ts: its decoder checks every chunk
// here too, and a chunk it fails is declined, so csv-parse meets the failure itself.

import { openRegularFile } from '../../util/regular-file.js';
import {
  checkDataFileSize,
  DELIMITER_SAMPLE_BYTES,
  MAX_DATA_FILE_BYTES,
  detectDelimiter,
  readCsvRecords,
  READ_CHUNK_BYTES,
  type ByteRange,
  type CsvReadResult,
} from '../csv.js';
import { ChunkDecoder, DecodeFailure } from '../decode.js';
import type { Encoding } from '../types.js';
import { Declined, RecordScanner, type RecordHandler, type TextEncoding, type WantedColumns } from './scan.js';

export { UNREAD_CELL, type WantedColumns } from './scan.js';

/** The same record-size limit as csv.ts: a longer pending record is csv-parse's to report. */
const LONGEST_RECORD_BYTES = 32 << 20;

/** STEPS_DOCTOR_READER=csv-parse reads every file with the reference reader (tests, benchmark). */
export function referenceReaderOnly(): boolean {
  return process.env.STEPS_DOCTOR_READER === 'csv-parse';
}

function textEncodingOf(encoding: Encoding | null): TextEncoding {
  if (encoding === null) return 'ascii';
  if (encoding === 'gb18030') return 'gb18030';
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') return 'utf-8';
  throw new Declined(`encoding ${encoding}`);
}

function firstNonAscii(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return i;
  return bytes.length;
}

/**
 * A file whose header row is another delimiter's (tabs, semicolons) is read by the reference
 * reader: the same judgement it makes (detectDelimiter, on the same first bytes), not a guess of
 * our own, so both readers agree on which files are comma-separated.
 */
function checkDelimiter(bytes: Buffer): void {
  if (detectDelimiter(bytes.subarray(0, DELIMITER_SAMPLE_BYTES).toString('utf8')) !== 'comma') {
    throw new Declined('not comma-separated');
  }
}

function pushChecked(decoder: ChunkDecoder, chunk: Buffer, final: boolean): void {
  try {
    if (final) decoder.end();
    else decoder.push(chunk);
  } catch (error) {
    if (error instanceof DecodeFailure) throw new Declined(`undecodable: ${error.code}`);
    throw error;
  }
}

/**
 * Reads the file into one working buffer, reused for every chunk: the unread end of a chunk (a
 * record cut by the read) moves to the front and the next read goes after it. No buffer per
 * chunk, so memory stays the working buffer, not the chunks the collector has yet to free
 * (measured: 60 MB of a million-line run's peak was chunks and their concatenations).
 */
async function scanFile(
  path: string,
  scanner: RecordScanner,
  onBytes: (bytes: number) => void,
  range: ByteRange | undefined,
): Promise<CsvReadResult> {
  const decoder = new ChunkDecoder(range?.encoding ?? null);
  const encodingNow = (): Encoding => decoder.encoding ?? 'utf-8';
  const handle = await openRegularFile(path, MAX_DATA_FILE_BYTES);
  let work = Buffer.allocUnsafe(2 * READ_CHUNK_BYTES);
  let pending = 0;
  let position = range?.start ?? 0;
  const end = range?.end ?? Number.POSITIVE_INFINITY;
  let first = true;
  try {
    while (position < end) {
      if (work.length < pending + READ_CHUNK_BYTES) {
        const larger = Buffer.allocUnsafe(2 * work.length);
        work.copy(larger, 0, 0, pending);
        work = larger;
      }
      const wanted = Math.min(READ_CHUNK_BYTES, end - position);
      const { bytesRead } = await handle.read(work, pending, wanted, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      checkDataFileSize(path, position);
      onBytes(bytesRead);
      pushChecked(decoder, work.subarray(pending, pending + bytesRead), false);
      let from = 0;
      if (first) {
        first = false;
        from = decoder.bomBytes;
        checkDelimiter(work.subarray(from, bytesRead));
      }
      const bytes = work.subarray(from, pending + bytesRead);
      // Until the decoder has decided, only the bytes before the first non-ASCII one are text for sure.
      const limit = decoder.encoding === null ? firstNonAscii(bytes) : bytes.length;
      const { rest, step } = scanner.scan(bytes, limit, false, textEncodingOf(decoder.encoding));
      if (step === 'stopped') return { end: { status: 'stopped' }, encoding: encodingNow(), delimiter: 'comma' };
      pending = bytes.length - rest;
      if (pending > LONGEST_RECORD_BYTES) throw new Declined('a record over the size limit');
      work.copyWithin(0, from + rest, from + bytes.length);
    }
  } finally {
    await handle.close();
  }
  pushChecked(decoder, Buffer.alloc(0), true);
  if (pending > 0) {
    const bytes = work.subarray(0, pending);
    const { step } = scanner.scan(bytes, bytes.length, true, textEncodingOf(decoder.encoding));
    if (step === 'stopped') return { end: { status: 'stopped' }, encoding: encodingNow(), delimiter: 'comma' };
  }
  return { end: { status: 'complete' }, encoding: encodingNow(), delimiter: 'comma' };
}

function skippingRecords(onRecord: RecordHandler, skip: number): RecordHandler {
  let toSkip = skip;
  return (cells, line) => {
    if (toSkip === 0) return onRecord(cells, line);
    toSkip--;
    return true;
  };
}

function progressPast(onBytes: ((bytes: number) => void) | undefined, reported: number): (bytes: number) => void {
  let toSkip = reported;
  return (bytes) => {
    const skipped = Math.min(toSkip, bytes);
    toSkip -= skipped;
    if (bytes > skipped) onBytes?.(bytes - skipped);
  };
}

/**
 * Streams the records of one CSV file (or range) into `onRecord`, as readCsvRecords does, with
 * only the `wanted` columns' cells made into text; `onDeclined` hears why csv-parse took over,
 * when it did. File-system errors are thrown.
 */
export async function readRecords(
  path: string,
  onRecord: RecordHandler,
  onBytes?: (bytes: number) => void,
  range?: ByteRange,
  wanted: WantedColumns = () => null,
  onDeclined?: (why: string) => void,
): Promise<CsvReadResult> {
  if (referenceReaderOnly()) return readCsvRecords(path, onRecord, onBytes, range);
  let reported = 0;
  const countBytes = (bytes: number): void => {
    reported += bytes;
    onBytes?.(bytes);
  };
  const scanner = new RecordScanner(onRecord, wanted, range?.firstLine ?? 1);
  try {
    return await scanFile(path, scanner, countBytes, range);
  } catch (error) {
    if (!(error instanceof Declined)) throw error;
    onDeclined?.(error.why);
    return readCsvRecords(path, skippingRecords(onRecord, scanner.delivered), progressPast(onBytes, reported), range);
  }
}
