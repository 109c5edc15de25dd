// One input file, read once: find its header row (title lines may sit above it), classify it,
// then normalise each data row and stream it into the sink, counting what was skipped and why.

import { stat } from 'node:fs/promises';
import { InputError } from '../errors.js';
import type { Message, MessageParams } from '../i18n/index.js';
import { MAX_COLUMNS, type ByteRange, type CsvEnd, type CsvReadResult } from './csv.js';
import type { OrderKeySet } from './dedupe.js';
import { classifyHeaderRow, FIELDS, mapColumns, type ColumnMap, type ExtraAliases } from './fields.js';
import { cleanedIdCount, lastCleanedId, shownId } from './ids.js';
import { fileAccessError } from './json-file.js';
import { readRecords } from './fast/read.js';
import { createOrderNormaliser, isPaidThenRefunded } from './orders.js';
import {
  EXCLUDED,
  GIFT,
  OutsidePeriod,
  RowFault,
  shownValue,
  createCustomerNormaliser,
  createProductNormaliser,
  createSessionNormaliser,
  createSettlementNormaliser,
  type PeriodBounds,
  type RowNormaliser,
} from './rows.js';
import {
  INPUT_KINDS,
  type CustomerRow,
  type Delimiter,
  type Encoding,
  type InputFileSummary,
  type InputKind,
  type OrderLine,
  type ProductRow,
  type RecordSink,
  type RowIssue,
  type SessionRow,
  type SettlementRow,
} from './types.js';

/** Title lines above a header are a few at most; a file with no header in this many rows has none. */
export const HEADER_SEARCH_ROWS = 20;
/**
 * Row issues kept in full per file, so `validate --json` can list them all up to a cap it states;
 * the rest are only counted (bounded memory). Screens and reports show the first ISSUES_SHOWN.
 */
export const MAX_ISSUES_KEPT = 1000;
export const ISSUES_SHOWN = 10;

export interface FilePlan {
  path: string;
  /** Fixed by --orders and friends; null when the header decides. */
  kind: InputKind | null;
}

export interface ReadContext {
  extra: ExtraAliases;
  ownAccounts: ReadonlySet<string>;
  period: PeriodBounds | null;
  lenient: boolean;
  sink: RecordSink;
  /** Shared by every orders file: duplicates are found across monthly exports. */
  orderKeys: OrderKeySet;
  /** Kinds given explicitly: discovered files of these kinds are not used. */
  overridden: ReadonlySet<InputKind>;
  onBytes: (bytes: number) => void;
}

export type FileOutcome =
  | { status: 'accepted'; summary: InputFileSummary }
  | { status: 'unrecognised'; path: string; reason: Message }
  | { status: 'overridden'; path: string; kind: InputKind }
  | {
      status: 'rejected';
      path: string;
      kind: InputKind | null;
      error: InputError;
      /** Rows of this file already reached the sink: nothing else can stand in for it then. */
      sentRecords: boolean;
    };

/** Line numbers are labels, not amounts: "line 3534" as the spreadsheet shows it, never "3,534". */
export function lineLabel(line: number): string {
  return String(line);
}

function fileError(key: string, path: string, line: number | null, params: MessageParams = {}): InputError {
  const allParams: MessageParams = { file: path, ...params };
  if (line !== null) allParams.line = lineLabel(line);
  return new InputError({ key, params: allParams }, path, line);
}

/** How a file's rows were stored: text with its encoding and delimiter, or a workbook sheet. */
export interface SourceFormat {
  format: 'csv' | 'xlsx';
  encoding: Encoding;
  delimiter: Delimiter | null;
  sheet: string | null;
}

export function textSource(encoding: Encoding, delimiter: Delimiter | undefined): SourceFormat {
  // The fast reader reads comma-separated files only (it hands the others to csv-parse).
  return { format: 'csv', encoding, delimiter: delimiter ?? 'comma', sheet: null };
}

interface Delivery<T> {
  normalise: RowNormaliser<T>;
  /** Sends one record on; returns its time for the file's covered period, or null. */
  deliver: (record: T, line: number) => number | null;
}

/** The reader holds one delivery whatever the kind; each pairs a normaliser with its sink. */
function anyDelivery<T>(delivery: Delivery<T>): Delivery<unknown> {
  return delivery as Delivery<unknown>;
}

function isBlankRecord(cells: readonly string[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (cell.length > 0 && cell.trim() !== '') return false;
  }
  return true;
}

/** Some exports end each data row with a comma the header lacks: empty extra cells are harmless. */
function isRagged(cells: readonly string[], width: number): boolean {
  if (cells.length === width) return false;
  if (cells.length < width) return true;
  for (let i = width; i < cells.length; i++) if (cells[i]!.trim() !== '') return true;
  return false;
}

function missingColumnsError(path: string, line: number, map: ColumnMap): InputError {
  const fields = map.missing.map((field) => field.name);
  const aliases = map.missing.map((field) => `${field.name} ← ${field.aliases.join(' | ')}`).join('; ');
  return fileError('ingest.file.missingColumns', path, line, { fields, aliases });
}

function noHeaderParams(kind: InputKind | null): MessageParams {
  const kinds = kind ? [kind] : INPUT_KINDS;
  const needs = kinds
    .map((each) => {
      const required = FIELDS[each].filter((field) => field.required);
      return `${each}: ${required.map((field) => field.aliases[0]).join(' + ')}`;
    })
    .join('; ');
  return { rows: HEADER_SEARCH_ROWS, needs };
}

/**
 * The columns a normaliser reads are the mapped ones: the row rules see the other cells only
 * as blank or not (the fast reader gives them no text of their own).
 */
function columnsRead(map: ColumnMap): Uint8Array {
  const read = new Uint8Array(map.headers.length);
  for (const column of Object.values(map.index)) read[column] = 1;
  return read;
}

export class InputFileReader {
  private map: ColumnMap | null = null;
  private delivery: Delivery<unknown> | null = null;
  private headerLine = 0;
  private rowsBeforeHeader = 0;
  private rows = 0;
  private skippedRows = 0;
  private excludedRows = 0;
  private outsidePeriodRows = 0;
  private duplicateRows = 0;
  private giftLines = 0;
  private paidThenRefundedLines = 0;
  private acceptedRows = 0;
  private firstAt: number | null = null;
  private lastAt: number | null = null;
  private dataFirstAt: number | null = null;
  private dataLastAt: number | null = null;
  private readonly issues: RowIssue[] = [];
  private issueCount = 0;
  private normalisedIds = 0;
  private normalisedIdExample: InputFileSummary['normalisedIdExample'] = null;
  /** The outcome decided before the end of the file (no header, overridden, rejected). */
  private halt: FileOutcome | null = null;
  /** The first data row whose cell count differs from the header's. */
  private raggedAt: { line: number; found: number } | null = null;
  /** The first row wider than MAX_COLUMNS. */
  private tooWideAt: number | null = null;
  /** Columns the normaliser reads (an order export's), for the fast reader; null: every column. */
  private readColumns: Uint8Array | null = null;

  constructor(
    private readonly plan: FilePlan,
    private readonly context: ReadContext,
  ) {}

  /** Columns of time fields (…At), once the header is found: a workbook may hold Excel serials there. */
  timeColumns(): number[] {
    if (this.map === null) return [];
    return Object.entries(this.map.index)
      .filter(([field]) => field.endsWith('At'))
      .map(([, column]) => column);
  }

  /** The header row's width once it is found (a workbook row is padded to it). */
  headerWidth(): number | null {
    return this.map?.headers.length ?? null;
  }

  readonly onRecord = (cells: string[], line: number): boolean => {
    // The same stop as csv.ts's column count, for the fast reader's and a workbook's rows.
    if (cells.length > MAX_COLUMNS) {
      this.tooWideAt = line;
      return false;
    }
    if (this.map === null) return this.lookForHeader(cells, line);
    if (isBlankRecord(cells)) return true;
    if (isRagged(cells, this.map.headers.length)) {
      this.raggedAt = { line, found: cells.length };
      return false;
    }
    this.rows++;
    const cleanedBefore = cleanedIdCount();
    const outcome = this.delivery!.normalise(cells, line);
    if (cleanedIdCount() !== cleanedBefore) this.noteNormalisedIds(cleanedIdCount() - cleanedBefore, line);
    if (outcome === EXCLUDED) {
      this.excludedRows++;
    } else if (outcome === GIFT) {
      this.giftLines++;
    } else if (outcome instanceof OutsidePeriod) {
      this.outsidePeriodRows++;
      this.coverDataTime(outcome.at);
    } else if (outcome instanceof RowFault) {
      this.skippedRows++;
      this.addIssue({ line, column: outcome.column, value: outcome.value, code: outcome.code, params: outcome.params });
    } else {
      const at = this.delivery!.deliver(outcome, line);
      if (at !== null) this.coverTime(at);
      if (at !== null && this.map.kind === 'orders' && isPaidThenRefunded(this.map, cells))
        this.paidThenRefundedLines++;
    }
    return true;
  };

  private lookForHeader(cells: string[], line: number): boolean {
    if (isBlankRecord(cells)) return true;
    this.rowsBeforeHeader++;
    const kinds = this.plan.kind ? [this.plan.kind] : INPUT_KINDS;
    const kind = classifyHeaderRow(cells, this.context.extra, kinds);
    if (kind === null) {
      if (this.rowsBeforeHeader < HEADER_SEARCH_ROWS) return true;
      this.halt = this.noHeaderOutcome();
      return false;
    }
    this.headerLine = line;
    this.map = mapColumns(kind, cells, this.context.extra);
    if (this.plan.kind === null && this.context.overridden.has(kind)) {
      this.halt = { status: 'overridden', path: this.plan.path, kind };
      return false;
    }
    if (this.map.missing.length > 0) {
      const error = missingColumnsError(this.plan.path, line, this.map);
      this.halt = { status: 'rejected', path: this.plan.path, kind, error, sentRecords: false };
      return false;
    }
    this.delivery = this.createDelivery(this.map);
    if (kind === 'orders') this.readColumns = columnsRead(this.map);
    return true;
  }

  readonly wantedColumns = (): Uint8Array | null => this.readColumns;

  private noHeaderOutcome(): FileOutcome {
    const path = this.plan.path;
    const params = noHeaderParams(this.plan.kind);
    if (this.plan.kind === null) {
      return {
        status: 'unrecognised',
        path,
        reason: { key: 'ingest.file.noHeader', params: { file: path, ...params } },
      };
    }
    const error = fileError('ingest.file.noHeaderForKind', path, null, params);
    return { status: 'rejected', path, kind: this.plan.kind, error, sentRecords: false };
  }

  private createDelivery(map: ColumnMap): Delivery<unknown> {
    const { sink, period, ownAccounts, orderKeys } = this.context;
    switch (map.kind) {
      case 'orders':
        return anyDelivery<OrderLine>({
          normalise: createOrderNormaliser(map, ownAccounts, period),
          deliver: (order, line) => this.deliverOrder(order, line, orderKeys, sink),
        });
      case 'traffic':
        return anyDelivery<SessionRow>({
          normalise: createSessionNormaliser(map, period),
          deliver: (session) => {
            this.acceptedRows++;
            sink.session(session);
            return session.startAt;
          },
        });
      case 'products':
        return anyDelivery<ProductRow>({
          normalise: createProductNormaliser(map),
          deliver: (product) => {
            this.acceptedRows++;
            sink.product(product);
            return product.launchedAt;
          },
        });
      case 'settlement':
        return anyDelivery<SettlementRow>({
          normalise: createSettlementNormaliser(map, period),
          deliver: (row) => {
            this.acceptedRows++;
            sink.settlement?.(row);
            return row.paidAt;
          },
        });
      case 'customers':
        return anyDelivery<CustomerRow>({
          normalise: createCustomerNormaliser(map),
          deliver: (customer) => {
            this.acceptedRows++;
            sink.customer(customer);
            return customer.firstOrderAt;
          },
        });
    }
  }

  private deliverOrder(order: OrderLine, line: number, keys: OrderKeySet, sink: RecordSink): number | null {
    if (!keys.add(order.orderId, order.productId, order.sku)) {
      this.duplicateRows++;
      const params = { orderId: order.orderId, productId: order.productId ?? '—', sku: order.sku ?? '—' };
      this.addIssue({ line, column: null, value: order.orderId, code: 'ingest.row.duplicate', params });
      return null;
    }
    this.acceptedRows++;
    sink.order(order);
    return order.paidAt;
  }

  private coverTime(at: number): void {
    if (this.firstAt === null || at < this.firstAt) this.firstAt = at;
    if (this.lastAt === null || at > this.lastAt) this.lastAt = at;
    this.coverDataTime(at);
  }

  private coverDataTime(at: number): void {
    if (this.dataFirstAt === null || at < this.dataFirstAt) this.dataFirstAt = at;
    if (this.dataLastAt === null || at > this.dataLastAt) this.dataLastAt = at;
  }

  private noteNormalisedIds(count: number, line: number): void {
    this.normalisedIds += count;
    this.normalisedIdExample ??= { line, value: shownId(shownValue(lastCleanedId())) };
  }

  private addIssue(issue: RowIssue): void {
    this.issueCount++;
    if (this.issues.length < MAX_ISSUES_KEPT) this.issues.push(issue);
  }

  summary(source: SourceFormat, stoppedAt: InputFileSummary['stoppedAt']): InputFileSummary {
    const map = this.map!;
    return {
      kind: map.kind,
      path: this.plan.path,
      encoding: source.encoding,
      format: source.format,
      delimiter: source.delimiter,
      sheet: source.sheet,
      giftLines: this.giftLines,
      paidThenRefundedLines: this.paidThenRefundedLines,
      rows: this.rows,
      skippedRows: this.skippedRows,
      excludedRows: this.excludedRows,
      duplicateRows: this.duplicateRows,
      outsidePeriodRows: this.outsidePeriodRows,
      headerLine: this.headerLine,
      columns: { ...map.columns },
      ignoredColumns: [...map.ignored],
      firstAt: this.firstAt,
      lastAt: this.lastAt,
      dataFirstAt: this.dataFirstAt,
      dataLastAt: this.dataLastAt,
      issues: this.issues,
      issueCount: this.issueCount,
      normalisedIds: this.normalisedIds,
      normalisedIdExample: this.normalisedIdExample,
      stoppedAt,
    };
  }

  /** The outcome once the reader has seen the whole file (or stopped). */
  finish(end: CsvEnd, source: SourceFormat): FileOutcome {
    const path = this.plan.path;
    const kind = this.map?.kind ?? this.plan.kind;
    const sentRecords = this.acceptedRows > 0;
    if (end.status === 'undecodable') {
      const key = `ingest.file.${end.failure.code}`;
      const params: MessageParams = end.failure.detected === null ? {} : { encoding: end.failure.detected };
      return { status: 'rejected', path, kind, error: fileError(key, path, end.line, params), sentRecords };
    }
    if (this.halt !== null) return this.halt;
    const broken = this.brokenAt(end);
    if (broken !== null) {
      if (this.context.lenient && this.map !== null && this.rows > 0) {
        const stoppedAt = { line: broken.error.line ?? 0, reason: broken.error.detail };
        return { status: 'accepted', summary: this.summary(source, stoppedAt) };
      }
      return { status: 'rejected', path, kind, error: broken.error, sentRecords };
    }
    if (this.map === null) {
      if (this.rowsBeforeHeader > 0) return this.noHeaderOutcome();
      return { status: 'rejected', path, kind, error: fileError('ingest.file.noRows', path, null), sentRecords };
    }
    if (this.rows === 0) {
      // What would fill the file depends on its kind: a period with orders, sessions, products…
      const hint = { key: `ingest.headerOnlyHint.${this.map.kind}` };
      const error = fileError('ingest.file.headerOnly', path, this.headerLine, { hint });
      return { status: 'rejected', path, kind, error, sentRecords };
    }
    return { status: 'accepted', summary: this.summary(source, null) };
  }

  /** A malformed-CSV stop, as the error that rejects the file (or the note when --lenient keeps it). */
  private brokenAt(end: CsvEnd): { error: InputError } | null {
    const path = this.plan.path;
    if (this.tooWideAt !== null) {
      return { error: fileError('ingest.file.tooManyColumns', path, this.tooWideAt, { limit: MAX_COLUMNS }) };
    }
    if (this.raggedAt !== null) {
      const params = {
        found: this.raggedAt.found,
        expected: this.map!.headers.length,
        headerLine: lineLabel(this.headerLine),
      };
      return { error: fileError('ingest.file.ragged', path, this.raggedAt.line, params) };
    }
    if (end.status === 'malformed') {
      return {
        error: fileError(`ingest.file.${end.code}`, path, end.line, { detail: end.detail, limit: MAX_COLUMNS }),
      };
    }
    return null;
  }
}

/** Reads one planned file to the end (or until it is rejected) and says what became of it. */
export async function readInputFile(plan: FilePlan, context: ReadContext): Promise<FileOutcome> {
  const path = plan.path;
  const reject = (error: InputError): FileOutcome => ({
    status: 'rejected',
    path,
    kind: plan.kind,
    error,
    sentRecords: false,
  });
  try {
    const info = await stat(path);
    if (info.isDirectory()) return reject(fileError('ingest.file.isDirectory', path, null));
    // A pipe or a device says size 0 and may never end (a pipe nobody writes, /dev/zero).
    if (!info.isFile()) return reject(fileError('ingest.file.notRegular', path, null));
    if (info.size === 0) return reject(fileError('ingest.file.empty', path, null));
  } catch (error) {
    return reject(fileAccessError(error, path));
  }
  const reader = new InputFileReader(plan, context);
  try {
    const { end, encoding, delimiter } = await readRecords(
      path,
      reader.onRecord,
      context.onBytes,
      undefined,
      reader.wantedColumns,
    );
    return reader.finish(end, textSource(encoding, delimiter));
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (isFileSystemError(error)) return reject(fileAccessError(error, path));
    throw error;
  }
}

/** A header row found before reading: its cells as parsed and its line. */
export interface HeaderRow {
  cells: string[];
  line: number;
}

export interface RangeOutcome {
  outcome: FileOutcome;
  end: CsvEnd;
  encoding: Encoding;
}

/**
 * Reads ranges of one file with one reader. Consecutive ranges, each starting where the one
 * before ended cleanly, are so read exactly as one pass reads them, down to the compiled code:
 * with a reader of its own, the second range took 1.04x the time of one pass on the
 * million-line bench (its callbacks are new functions, and the hot code is compiled again).
 * A reading that starts after the header is handed the file's header row first.
 * File-system errors are thrown.
 */
export class RangeReading {
  private readonly reader: InputFileReader;

  constructor(
    private readonly plan: FilePlan,
    private readonly context: ReadContext,
    header: HeaderRow | null,
  ) {
    this.reader = new InputFileReader(plan, context);
    if (header !== null) this.reader.onRecord(header.cells, header.line);
  }

  async read(range: ByteRange): Promise<CsvReadResult> {
    const { reader } = this;
    return readRecords(this.plan.path, reader.onRecord, this.context.onBytes, range, reader.wantedColumns);
  }

  /** The outcome of everything read, given how the last range ended. */
  finish(last: CsvReadResult): FileOutcome {
    return this.reader.finish(last.end, textSource(last.encoding, last.delimiter));
  }
}

/**
 * Reads bytes [start, end) of a file as the part of a whole: for the parallel reader, which
 * cuts a big export at record boundaries. A range that starts after the header is handed the
 * file's header row first, so its rows are read exactly as they would be in one pass.
 * File-system errors are thrown.
 */
export async function readInputRange(
  plan: FilePlan,
  context: ReadContext,
  range: ByteRange,
  header: HeaderRow | null,
): Promise<RangeOutcome> {
  const reading = new RangeReading(plan, context, header);
  const read = await reading.read(range);
  return { outcome: reading.finish(read), end: read.end, encoding: read.encoding };
}

function isFileSystemError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}
