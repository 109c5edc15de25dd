// Excel workbooks (.xlsx), read like CSVs: each sheet is classified by its header row and its
// rows go through the same reader, numbered as the sheet numbers them.
//
// exceljs's streaming reader (MIT, Node >= 8) parses the sheet XML row by row out of the zip,
// so memory follows the rows being read plus the shared-string table (Excel keeps each
// distinct text once), not the whole workbook. 快手小店 can lock its order export with a
// password (OOXML "agile" encryption inside an OLE container): officecrypto-tool (MIT, pure
// JS) decrypts it. Decryption works on the whole file in memory: a locked workbook costs its
// size, an unlocked one does not.

import { open, stat } from 'node:fs/promises';
import { cappedReadStream, openRegularFile, readRegularFile, RegularFileError } from '../util/regular-file.js';
import { MAX_DATA_FILE_BYTES } from './csv.js';
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { InputError } from '../errors.js';
import { fileAccessError } from './json-file.js';
import { InputFileReader, type FileOutcome, type FilePlan, type ReadContext } from './read-file.js';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export type WorkbookKind = 'xlsx' | 'ole' | null;

/** What the first bytes say: a zip (.xlsx), an OLE container (legacy .xls or a locked .xlsx), or neither. */
export async function sniffWorkbook(path: string): Promise<WorkbookKind> {
  let handle;
  try {
    // Opening a pipe nobody writes to would wait for ever: the file reader reports those.
    if (!(await stat(path)).isFile()) return null;
    handle = await open(path, 'r');
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    const starts = (magic: readonly number[]): boolean =>
      bytesRead >= magic.length && magic.every((byte, i) => head[i] === byte);
    if (starts(ZIP_MAGIC)) return 'xlsx';
    if (starts(OLE_MAGIC)) return 'ole';
    return null;
  } catch {
    // Unreadable files are reported by the reader that opens them next.
    return null;
  } finally {
    await handle?.close();
  }
}

/** How a sheet is named in messages: the file, then the sheet. */
export function sheetLabel(path: string, sheet: string): string {
  return `${path} › ${sheet}`;
}

function rejected(path: string, key: string, params: Record<string, string> = {}): FileOutcome {
  const error = new InputError({ key, params: { file: path, ...params } }, path);
  return { status: 'rejected', path, kind: null, error, sentRecords: false };
}

/** Excel serial numbers and amounts as text the value parsers read. */
function numberText(value: number): string {
  // Past 2^53 the digits are Excel's rounding, not the id: written as Excel shows it, the id
  // parser then says the id was mangled rather than keeping wrong digits.
  if (Number.isInteger(value) && Math.abs(value) > Number.MAX_SAFE_INTEGER) {
    return value.toExponential(5).toUpperCase();
  }
  // 0.1 + 0.2 stored as 0.30000000000000004: Excel itself shows 15 significant digits.
  return String(Number(value.toPrecision(15)));
}

/**
 * exceljs turns a date-formatted serial into a Date whose UTC fields are the wall-clock time
 * Excel showed; written out as such, the time parser reads it as Asia/Shanghai like any export.
 */
function wallClockText(date: Date): string {
  const two = (value: number): string => String(value).padStart(2, '0');
  const day = `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`;
  return `${day} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
}

// Excel counts days from 1899-12-30 (its 1900 leap-year bug included); 25569 is 1970-01-01.
const EXCEL_EPOCH_DAYS = 25569;
const DAY_MS = 86_400_000;

/** A serial in a time column (a date cell Excel stored without a date format) as wall-clock text. */
export function serialText(serial: number): string {
  return wallClockText(new Date(Math.round((serial - EXCEL_EPOCH_DAYS) * DAY_MS)));
}

/** Serials from 1954 to 2119: anything else in a time column is not a date, and the parser says so. */
function isPlausibleSerial(value: unknown): value is number {
  return typeof value === 'number' && value > 20_000 && value < 80_000;
}

/** One cell's value as the text a CSV would hold. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return wallClockText(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((run) => run.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      return result === undefined ? '' : cellText(result as ExcelJS.CellValue);
    }
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

/** A row's cells from column 1 on; exceljs leaves the omitted empty cells as holes. */
function rowCells(values: ExcelJS.CellValue[] | { [key: string]: ExcelJS.CellValue }): string[] {
  const list = Array.isArray(values) ? values : [];
  const cells: string[] = [];
  for (let column = 1; column < list.length; column++) cells.push(cellText(list[column]));
  return cells;
}

/**
 * Sheets hold no trailing cells beyond the last filled one, so a row is padded to the header's
 * width; cells past it that hold nothing are dropped (Excel's used range often runs wider).
 */
function fitToHeader(cells: string[], width: number | null): string[] {
  if (width === null) return cells;
  while (cells.length < width) cells.push('');
  while (cells.length > width && cells[cells.length - 1]!.trim() === '') cells.pop();
  return cells;
}

interface OpenedWorkbook {
  input: Readable | string;
  failure: FileOutcome | null;
}

/** The workbook's bytes, decrypted when it is locked and the password fits. */
async function openWorkbook(path: string, kind: WorkbookKind, password: string | null): Promise<OpenedWorkbook> {
  // Through a handle checked to be a regular file, and capped as it is read (regular-file.ts).
  if (kind === 'xlsx') {
    const handle = await openRegularFile(path, MAX_DATA_FILE_BYTES);
    return { input: cappedReadStream(handle, path, MAX_DATA_FILE_BYTES), failure: null };
  }
  const bytes = await readRegularFile(path, MAX_LOCKED_WORKBOOK_BYTES);
  const { default: officeCrypto } = await import('officecrypto-tool');
  if (!officeCrypto.isEncrypted(bytes)) {
    return { input: path, failure: rejected(path, 'ingest.file.legacyXls') };
  }
  if (password === null || password === '') {
    return { input: path, failure: rejected(path, 'ingest.file.locked') };
  }
  try {
    const plain = await officeCrypto.decrypt(bytes, { password });
    return { input: Readable.from([plain]), failure: null };
  } catch {
    return { input: path, failure: rejected(path, 'ingest.file.wrongPassword') };
  }
}

/** A locked workbook is decrypted in memory, so it is read whole: the largest real one is tens of MB. */
const MAX_LOCKED_WORKBOOK_BYTES = 512 * 1024 * 1024;

/** exceljs's own errors (a damaged zip, bad XML) are the file's fault: one line naming it. */
function damaged(path: string, error: unknown): FileOutcome {
  if (error instanceof RegularFileError) {
    return { status: 'rejected', path, kind: null, error: fileAccessError(error, path), sentRecords: false };
  }
  const detail = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 120) : String(error);
  return rejected(path, 'ingest.file.badWorkbook', { detail });
}

/**
 * Reads every sheet of one workbook; one outcome per sheet (a sheet with no header row is
 * listed as not used, like a CSV). A workbook whose sheets are all empty is one rejection.
 */
export async function readWorkbookFile(
  plan: FilePlan,
  context: ReadContext,
  kind: WorkbookKind,
  password: string | null,
): Promise<FileOutcome[]> {
  const path = plan.path;
  let opened: OpenedWorkbook;
  try {
    opened = await openWorkbook(path, kind, password);
  } catch (error) {
    if (typeof (error as { code?: unknown }).code !== 'string') throw error;
    return [{ status: 'rejected', path, kind: plan.kind, error: fileAccessError(error, path), sentRecords: false }];
  }
  if (opened.failure) return [opened.failure];
  const outcomes: FileOutcome[] = [];
  // Loaded here, not at start-up: exceljs and officecrypto-tool take 0.4 s and 28 MB to load
  // (measured), and most client folders hold only CSV exports.
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(opened.input as never, {
    sharedStrings: 'cache',
    styles: 'cache', // the number formats say which numbers are dates
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let sheets = 0;
  try {
    for await (const worksheet of reader) {
      sheets++;
      const sheet = (worksheet as unknown as { name?: string }).name ?? `Sheet${sheets}`;
      const sheetPlan: FilePlan = { path: sheetLabel(path, sheet), kind: plan.kind };
      const rows = new InputFileReader(sheetPlan, context);
      let reading = true;
      let anyRow = false;
      let timeColumns: number[] = [];
      for await (const row of worksheet) {
        anyRow = true;
        // The rest of a sheet still has to be read through: the zip is one stream.
        if (!reading) continue;
        const cells = fitToHeader(rowCells(row.values), rows.headerWidth());
        for (const column of timeColumns) {
          const raw = (row.values as ExcelJS.CellValue[])[column + 1];
          if (isPlausibleSerial(raw)) cells[column] = serialText(raw);
        }
        reading = rows.onRecord(cells, row.number);
        if (timeColumns.length === 0) timeColumns = rows.timeColumns();
      }
      if (!anyRow) continue; // an empty sheet (a blank Sheet2) is no export
      const source = { format: 'xlsx' as const, encoding: 'utf-8' as const, delimiter: null, sheet };
      outcomes.push(rows.finish({ status: reading ? 'complete' : 'stopped' }, source));
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    return [...outcomes, damaged(path, error)];
  }
  if (sheets === 0 || outcomes.length === 0) return [rejected(path, 'ingest.file.emptyWorkbook')];
  return outcomes;
}
