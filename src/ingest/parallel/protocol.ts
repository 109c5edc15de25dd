// What the main thread and a range worker say to each other. Everything here crosses a thread
// boundary, so it is plain structured-cloneable data.

import type { ByteRange, CsvEnd } from '../csv.js';
import type { OrderKeysState, SharedKeysTable } from '../dedupe.js';
import type { ExtraAliases } from '../fields.js';
import type { FilePlan, HeaderRow } from '../read-file.js';
import type { PeriodBounds } from '../rows.js';
import type { Encoding, InputFileSummary, InputKind, RecordSink } from '../types.js';

/**
 * How a worker builds a sink like the caller's: the URL of an ES module, the factory it
 * exports and the factory's arguments. The caller's layer names the module, so ingest never
 * imports the layers above it.
 */
export interface SinkRecipe {
  module: string;
  exportName: string;
  args: unknown[];
}

/** A sink a worker can hand back: its state is folded into the caller's sink on the main thread. */
export interface WorkerSink extends RecordSink {
  /**
   * Called once, as the sink's last use: the buffers the state's typed arrays view whole are
   * moved to the main thread, not copied, so they may be the sink's own.
   */
  state(): unknown;
}

/**
 * A worker's share of the file: one range of each round, read one after the other, each into
 * a fresh sink whose state is posted as soon as the range is read, so the main thread folds
 * each in while the worker reads on. The worker cuts the file itself (at the first record
 * boundary at or after each target) and posts the cuts first, while the main thread reads its
 * first range; it reads its ranges once the main thread answers with ReadOn.
 */
export interface RangeTask {
  plan: FilePlan;
  size: number;
  targets: number[];
  threads: number;
  /** This worker's number: its ranges are those `readerOf` gives it. */
  worker: number;
  header: HeaderRow;
  extra: ExtraAliases;
  ownAccounts: ReadonlySet<string>;
  period: PeriodBounds | null;
  lenient: boolean;
  overridden: ReadonlySet<InputKind>;
  /** Order-line keys of the files read before this one; null when there were none. */
  earlierKeys: OrderKeysState | null;
  /** This file's order-line keys, in memory every thread shares. */
  keys: SharedKeysTable;
  sink: SinkRecipe;
}

/**
 * A range read to its end: its summary when it was accepted, the sink's state and the orders
 * sent to the sink (its order-line keys are in the shared table).
 */
export interface RangeDone {
  type: 'done';
  index: number;
  /** The worker's last range: it has nothing more to read. */
  last: boolean;
  summary: InputFileSummary | null;
  end: CsvEnd['status'];
  encoding: Encoding;
  state: unknown;
  sentOrders: number;
}

export interface RangeFailed {
  type: 'failed';
  message: string;
}

/** Every thread cut the file alike: the worker may read its ranges. */
export interface ReadOn {
  type: 'read-on';
}

/** The file's ranges as the worker cut them; null when it could not be cut at the targets. */
export interface RangesCut {
  type: 'cut';
  ranges: ByteRange[] | null;
}

export type RangeReply = { type: 'bytes'; bytes: number } | RangesCut | RangeDone | RangeFailed;
