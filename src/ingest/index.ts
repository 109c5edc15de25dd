// The ingest layer's front door: read a client folder into a RecordSink, file by file, and say
// what was found. `ingest` is for commands that go on to diagnose (it throws the first problem
// that stops a diagnosis); `inspect` is for `validate` (it reads everything and lists them all).

import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { InputError } from '../errors.js';
import { formatDate } from '../i18n/format.js';
import { brandPeriodBounds, loadBrand } from './brand.js';
import { loadColumnMap } from './columns.js';
import { OrderLineKeys } from './dedupe.js';
export { assertDiagnosableFolder } from './discover.js';
import { assertDiagnosableFolder, overriddenKinds, planInputs, type Overrides } from './discover.js';
import { lineLabel, readInputFile, type FileOutcome, type FilePlan, type ReadContext } from './read-file.js';
import { readWorkbookFile, sniffWorkbook } from './workbook.js';
import type { PeriodBounds } from './rows.js';
import {
  INPUT_KINDS,
  type BrandConfig,
  type CustomerRow,
  type IngestResult,
  type InputFileSummary,
  type InputKind,
  type OrderLine,
  type ProductRow,
  type RecordSink,
  type SessionRow,
  type SettlementRow,
} from './types.js';

export interface IngestOptions {
  dir: string;
  /** Files per kind from --orders and friends; they replace discovery for their kind. */
  overrides?: Overrides;
  /** --columns; when absent, columns.json in the folder is used if present. */
  columnsFile?: string | null;
  /** Any skipped row is an error (after reading everything). */
  strict?: boolean;
  /** Keep the rows before a malformed CSV line instead of rejecting the file. */
  lenient?: boolean;
  /** Opens locked workbooks; brand.json's exportPassword when absent. */
  password?: string | null;
  /** Only records in this period (from --period); when absent, brand.json's period, if any. */
  period?: PeriodBounds | null;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** How one planned file is read; the parallel reader stands in here for big exports. */
  readFile?: FileReader;
  /** brand.json as the caller already loaded it (the metrics need it before reading starts). */
  brand?: BrandConfig;
}

export type FileReader = (plan: FilePlan, context: ReadContext) => Promise<FileOutcome>;

export interface Inspection {
  result: IngestResult;
  /** Problems that stop a diagnosis, in file order; empty when the inputs can be diagnosed. */
  problems: InputError[];
}

/**
 * Reads the client folder into `sink`. Throws an InputError (exit 2) for anything that stops
 * a diagnosis: no orders, a rejected file nothing else stands in for, --strict with skipped rows.
 */
export async function ingest(options: IngestOptions, sink: RecordSink): Promise<IngestResult> {
  const { result, problems } = await readClientFolder(options, sink, true);
  if (problems.length > 0) throw problems[0]!;
  return result;
}

/** Reads every input (records are only counted) and collects every problem instead of throwing. */
/** `sink` gets the records as a diagnosis would (validate measures coverage with it); counted by default. */
export async function inspect(options: IngestOptions, sink: RecordSink = countingSink()): Promise<Inspection> {
  return readClientFolder(options, sink, false);
}

export interface CountingSink extends RecordSink {
  readonly counts: Record<InputKind, number>;
}

export function countingSink(): CountingSink {
  const counts: Record<InputKind, number> = { orders: 0, traffic: 0, products: 0, customers: 0, settlement: 0 };
  return {
    counts,
    order: (_line: OrderLine) => void counts.orders++,
    session: (_row: SessionRow) => void counts.traffic++,
    product: (_row: ProductRow) => void counts.products++,
    customer: (_row: CustomerRow) => void counts.customers++,
    settlement: (_row: SettlementRow) => void counts.settlement++,
  };
}

async function totalSize(plans: readonly FilePlan[]): Promise<number> {
  let total = 0;
  for (const plan of plans) {
    try {
      const info = await stat(plan.path);
      if (info.isFile()) total += info.size;
    } catch {
      // Unreadable files are reported when they are read; they add nothing to read here.
    }
  }
  return total;
}

/**
 * A rejected file stops the run when nothing stands in for it: its kind is unknown, or no
 * other file of its kind was accepted, or its rows already went to the sink.
 */
function isFatal(
  outcome: Extract<FileOutcome, { status: 'rejected' }>,
  acceptedKinds: ReadonlySet<InputKind>,
): boolean {
  return outcome.kind === null || outcome.sentRecords || !acceptedKinds.has(outcome.kind);
}

/** Accepted files; files not used (with why); and the rejections nothing stands in for. */
function sortOutcomes(outcomes: readonly FileOutcome[]) {
  const files = outcomes.flatMap((outcome) => (outcome.status === 'accepted' ? [outcome.summary] : []));
  const acceptedKinds = new Set(files.map((file) => file.kind));
  const unrecognised: IngestResult['unrecognised'] = [];
  const problems: InputError[] = [];
  for (const outcome of outcomes) {
    if (outcome.status === 'unrecognised') {
      unrecognised.push({ path: outcome.path, kind: null, reason: outcome.reason });
    } else if (outcome.status === 'overridden') {
      const reason = { key: 'ingest.file.overridden', params: { file: outcome.path, kind: outcome.kind } };
      unrecognised.push({ path: outcome.path, kind: outcome.kind, reason });
    } else if (outcome.status === 'rejected') {
      if (isFatal(outcome, acceptedKinds)) problems.push(outcome.error);
      else unrecognised.push({ path: outcome.path, kind: outcome.kind, reason: outcome.error.detail });
    }
  }
  return { files, unrecognised, problems };
}

async function readClientFolder(options: IngestOptions, sink: RecordSink, stopEarly: boolean): Promise<Inspection> {
  const started = Date.now();
  const { dir } = options;
  await assertDiagnosableFolder(dir, options.overrides);
  const brand = options.brand ?? (await loadBrand(dir));
  const extra = await loadColumnMap(dir, options.columnsFile);
  const period = options.period ?? brandPeriodBounds(brand);
  const { plans, notRead } = await planInputs(dir, options.overrides);
  const totalBytes = await totalSize(plans);

  let bytesRead = 0;
  const context: ReadContext = {
    extra,
    ownAccounts: new Set(brand.ownAccounts),
    period,
    lenient: options.lenient ?? false,
    sink,
    orderKeys: new OrderLineKeys(),
    overridden: overriddenKinds(options.overrides),
    onBytes: (bytes) => {
      bytesRead += bytes;
      options.onProgress?.(bytesRead, totalBytes);
    },
  };

  const outcomes: FileOutcome[] = [];
  let readAll = true;
  const readFile = options.readFile ?? readInputFile;
  const password = options.password ?? brand.exportPassword ?? null;
  reading: for (const plan of plans) {
    // A workbook is known by its bytes, whatever its name: .xlsx, or saved over a .csv.
    const workbook = await sniffWorkbook(plan.path);
    const fileOutcomes =
      workbook === null ? [await readFile(plan, context)] : await readWorkbookFile(plan, context, workbook, password);
    for (const outcome of fileOutcomes) {
      outcomes.push(outcome);
      // Nothing can rescue these: no need to read the other files before saying so.
      if (stopEarly && outcome.status === 'rejected' && (outcome.kind === null || outcome.sentRecords)) {
        readAll = false;
        break reading;
      }
    }
  }
  options.onProgress?.(totalBytes, totalBytes);

  const { files, unrecognised, problems } = sortOutcomes([
    ...outcomes,
    ...notRead.map((entry): FileOutcome => ({ status: 'unrecognised', ...entry })),
  ]);
  const acceptedKinds = new Set(files.map((file) => file.kind));
  // A rejected file of unknown kind (empty, binary …) may well be the orders export: it says enough.
  const ordersMayBeRejected = outcomes.some(
    (outcome) => outcome.status === 'rejected' && (outcome.kind === 'orders' || outcome.kind === null),
  );
  // A settlement export alone stands in for the orders (DATA.md).
  const hasOrders = acceptedKinds.has('orders') || acceptedKinds.has('settlement');
  if (readAll && !hasOrders && !ordersMayBeRejected) problems.push(noOrdersError(dir, unrecognised));
  const emptyPeriod = readAll && period !== null ? emptyPeriodError(files, period, options.period != null) : null;
  if (emptyPeriod) problems.push(emptyPeriod);
  if (options.strict) problems.push(...strictProblems(files));

  const result: IngestResult = {
    brand,
    files,
    unrecognised,
    kinds: INPUT_KINDS.filter((kind) => acceptedKinds.has(kind)),
    elapsedMs: Date.now() - started,
  };
  return { result, problems };
}

function strictProblems(files: readonly InputFileSummary[]): InputError[] {
  return files
    .filter((file) => file.skippedRows > 0)
    .map((file) => {
      const first = file.issues.find((issue) => issue.code !== 'ingest.row.duplicate');
      // The first skipped row can lie beyond the issues kept in full (after ten duplicates).
      if (!first) {
        const params = { file: file.path, count: file.skippedRows };
        return new InputError({ key: 'ingest.strictCount', params }, file.path);
      }
      const params = {
        file: file.path,
        line: lineLabel(first.line),
        count: file.skippedRows,
        column: first.column ?? '',
        value: first.value ?? '',
      };
      return new InputError({ key: 'ingest.strict', params }, file.path, first.line);
    });
}

export { countMatchedFields, fieldNames, FIELDS, normaliseHeader } from './fields.js';
export type { FieldSpec } from './fields.js';
export { loadBrand, defaultBrand } from './brand.js';
export { INVALID } from './values.js';

function earliestOf(values: readonly (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length === 0 ? null : Math.min(...known);
}

function latestOf(values: readonly (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length === 0 ? null : Math.max(...known);
}

/**
 * A period that catches no counted order is not a diagnosis (PLAN.md section 2): every stage
 * would read "not started". Say the period asked, where it came from, and the dates the order
 * lines do cover, so the consultant can pick a period or the right export.
 */
function emptyPeriodError(
  files: readonly InputFileSummary[],
  period: PeriodBounds,
  fromCommandLine: boolean,
): InputError | null {
  const orders = files.filter((file) => file.kind === 'orders');
  if (orders.length === 0 || orders.some((file) => file.firstAt !== null)) return null;
  const params = {
    file: orders.map((file) => file.path),
    from: formatDate(period.fromMs),
    to: formatDate(period.toMs),
    source: fromCommandLine ? '--period' : 'brand.json',
  };
  const dataFrom = earliestOf(orders.map((file) => file.dataFirstAt));
  const dataTo = latestOf(orders.map((file) => file.dataLastAt));
  if (dataFrom === null || dataTo === null) {
    return new InputError({ key: 'ingest.emptyPeriod.undated', params }, orders[0]!.path);
  }
  const dated = { ...params, dataFrom: formatDate(dataFrom), dataTo: formatDate(dataTo) };
  return new InputError({ key: 'ingest.emptyPeriod', params: dated }, orders[0]!.path);
}

/**
 * With CSVs present but none recognised, the likeliest cause is the orders export itself (its
 * header moved or renamed): name the files and the first reason rather than "none found".
 */
function noOrdersError(dir: string, unrecognised: IngestResult['unrecognised']): InputError {
  // init's templates are no candidate for the orders export: beside only them, none was found.
  const candidates = unrecognised.filter((entry) => entry.reason.key !== 'ingest.file.template');
  const first = candidates[0];
  if (!first) return new InputError({ key: 'ingest.noOrders', params: { file: dir } }, dir);
  const files = candidates.map((entry) => basename(entry.path));
  return new InputError({ key: 'ingest.noOrdersRecognised', params: { file: dir, files, reason: first.reason } }, dir);
}
