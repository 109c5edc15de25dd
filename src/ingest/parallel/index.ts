// Reads one big orders export on several threads. The file is cut at record boundaries into
// rounds of ranges: in each round the main thread reads one range straight into the caller's
// sink, and each worker thread one range into a sink of its own, whose compact state is posted
// back and folded into the caller's sink. Everything goes into that sink in file order, so the
// main thread folds a worker's range as soon as it has read its own range before it, and a
// worker's state waits for at most about one round.
//
// The result is the one-pass result, not an approximation of it. Every range must end cleanly
// and decode as the whole file does, and no order line may repeat one in another worker's
// range or the main thread's (the first copy counts, and a worker cannot know about copies it
// never saw). Each range is checked before it is folded in, so the sink always holds what one
// pass would have sent for a prefix of the file; and a range that ended cleanly at a cut proves
// the cut a record boundary, so the main thread's next range, read straight into the sink,
// starts where one pass would be. When a check fails, the file is read again in one pass,
// skipping the orders of that prefix, which one pass sends first.

import { stat } from 'node:fs/promises';
import { availableParallelism, cpus } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { ByteRange } from '../csv.js';
import { OrderLineKeys } from '../dedupe.js';
import type { FileReader } from '../index.js';
import {
  readInputFile,
  readInputRange,
  type FileOutcome,
  type FilePlan,
  type HeaderRow,
  type ReadContext,
} from '../read-file.js';
import type { Encoding, InputFileSummary, RecordSink } from '../types.js';
import { combineSummaries, encodingsAgree } from './combine.js';
import { findHeaderRow, type FoundHeader } from './header.js';
import type { RangeDone, RangeFailed, RangeReply, RangeTask, SinkRecipe } from './protocol.js';
import { planRanges } from './split.js';
import { countingOrders } from './counting-sink.js';

export type { SinkRecipe, WorkerSink } from './protocol.js';

const WORKER_URL = new URL('./worker.js', import.meta.url);
/**
 * A worker's garbage is parsing garbage that dies young: V8's default young generation (32 MB)
 * only adds that much to the process's memory. Measured on the bench's batch of eight clients
 * (farm-bench -n 5, default concurrency): 233 against 287 MiB peak with batch workers limited
 * so, at 1.01x the time (12 MB: 217 against 282 MiB, 0.96x). Batch workers use it too.
 */
export const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

/** Below this, one pass takes about as long as starting the workers and folding their results in. */
export const PARALLEL_MIN_BYTES = 32 << 20;

export interface ParallelSettings {
  /** Threads to read one file with, the main thread included; below 2, files are read in one pass. */
  threads: number;
  minBytes?: number;
  /** About how large a worker's ranges are; RANGE_BYTES unless a test wants many rounds of a small file. */
  rangeBytes?: number;
  /** Builds, in a worker, a sink like the caller's. */
  sink: SinkRecipe;
  /** Folds the state of a worker's sink into the caller's sink. */
  merge: (state: unknown) => void;
  /**
   * How many cores are idle just now; the workers are only started when there are cores for
   * them. By default a short sample of the machine's CPU times (see idleCores).
   */
  idleCores?: () => Promise<number>;
  /** Hears how each file at or above the size threshold was read, and why. */
  onDecision?: (decision: ParallelDecision) => void;
}

export interface ParallelDecision {
  path: string;
  mode: 'parallel' | 'one-pass';
  reason: string;
  ranges: number;
}

/**
 * The main thread reads its ranges and folds in every other range's state, while a worker
 * starts cold (loading modules, warming up its compiler) and its collector works harder on
 * fresh per-range sinks. Measured on two cores, the main thread then takes a little less than
 * an equal share for neither thread to wait on the other (0.97 was measured with the main
 * thread's share in one range; in rounds, 0.88 paired within the noise of it, 1.00x).
 */
const MAIN_SHARE_OF_EQUAL = 0.97;
/**
 * A worker's range is about this size. Its state waits in the main thread's memory from the
 * moment it is posted until the main thread has read the range before it, so rounds of such
 * ranges keep that wait to about one range's state. With the main thread's share in one range,
 * every worker range but the last waited for the main thread's half of the file: on the
 * million-line bench, six states of 8.5 MB each (measured with v8.serialize in the worker),
 * and 381 MB peak RSS against 366 MB in rounds (farm-bench -n 5, medians; the collector frees
 * folded states late, which takes back part of the gain). Smaller ranges cost a fold each.
 */
const RANGE_BYTES = 16 << 20;

/**
 * The shares of the file, in file order: rounds of the main thread's range followed by one
 * range per worker.
 */
function rangeShares(threads: number, size: number, rangeBytes: number): number[] {
  const mainShare = MAIN_SHARE_OF_EQUAL / threads;
  const workerShare = (1 - mainShare) / (threads - 1);
  const rounds = Math.max(1, Math.ceil((size * workerShare) / rangeBytes));
  const round = [mainShare / rounds, ...Array.from({ length: threads - 1 }, () => workerShare / rounds)];
  return Array.from({ length: rounds }, () => round).flat();
}

/** Who reads the range at `index` of the file's ranges: -1 for the main thread, else a worker's number. */
function readerOf(index: number, threads: number): number {
  const place = index % threads;
  return place === 0 ? -1 : place - 1;
}

async function fileSize(path: string): Promise<number | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : null;
  } catch {
    return null;
  }
}

/** Passes on what the sink has not received yet: all but the first `skip` orders. */
function skippingOrders(sink: RecordSink, skip: number): RecordSink {
  let toSkip = skip;
  return {
    order: (line) => {
      if (toSkip > 0) toSkip--;
      else sink.order(line);
    },
    session: (row) => sink.session(row),
    product: (row) => sink.product(row),
    customer: (row) => sink.customer(row),
  };
}

/** Reports progress only past the bytes already reported, so a second pass does not count twice. */
function progressPast(onBytes: (bytes: number) => void, reported: number): (bytes: number) => void {
  let toSkip = reported;
  return (bytes) => {
    const skipped = Math.min(toSkip, bytes);
    toSkip -= skipped;
    if (bytes > skipped) onBytes(bytes - skipped);
  };
}

type RangeResult = RangeDone | RangeFailed;

/** One worker thread reading its ranges of the file; each range's reply settles its own promise. */
class RangeWorker {
  private readonly worker = new Worker(WORKER_URL, { resourceLimits: WORKER_LIMITS });
  private readonly pending = new Map<number, (result: RangeResult) => void>();
  private readonly results = new Map<number, Promise<RangeResult>>();
  /** Set by start(): from then on, the last reply in means the worker can go. */
  private started = false;
  /** Set once the worker has failed or gone: ranges given to it later fail at once. */
  private failure: RangeFailed | null = null;

  constructor(onBytes: (bytes: number) => void) {
    this.worker.on('message', (reply: RangeReply) => {
      if (reply.type === 'bytes') onBytes(reply.bytes);
      else if (reply.type === 'done') this.settle(reply.index, reply);
      else this.fail(reply);
    });
    this.worker.on('error', (error) => this.fail({ type: 'failed', message: error.message }));
    this.worker.on('exit', (code) => this.fail({ type: 'failed', message: `worker exited with code ${code}` }));
  }

  start(task: RangeTask): void {
    this.started = true;
    for (const { index } of task.ranges) {
      const { failure } = this;
      if (failure !== null) this.results.set(index, Promise.resolve(failure));
      else this.results.set(index, new Promise((resolve) => this.pending.set(index, resolve)));
    }
    if (this.failure === null) this.worker.postMessage(task);
  }

  /**
   * The range's result, handed out once: kept here after that, every range's state would stay
   * alive until the whole file is folded in (measured: 30 MB of the peak on the million lines).
   */
  result(index: number): Promise<RangeResult> {
    const result = this.results.get(index);
    this.results.delete(index);
    return result ?? Promise.resolve({ type: 'failed', message: `no range ${index}` });
  }

  stop(): void {
    void this.worker.terminate();
  }

  private settle(index: number, result: RangeResult): void {
    this.pending.get(index)?.(result);
    this.pending.delete(index);
    // Its last range is in: the worker's memory can go back before the main thread folds that range in.
    if (this.pending.size === 0 && this.started) this.stop();
  }

  /** Every range not read yet fails with the worker. */
  private fail(failure: RangeFailed): void {
    this.failure ??= failure;
    for (const index of [...this.pending.keys()]) this.settle(index, failure);
  }
}

/** The header as the later ranges' readers are handed it. */
function headerRowOf(header: FoundHeader): HeaderRow {
  return { cells: header.cells, line: header.line };
}

function isCleanRange(result: RangeResult): result is RangeDone & { summary: InputFileSummary } {
  return (
    result.type === 'done' && result.end === 'complete' && result.summary !== null && result.summary.stoppedAt === null
  );
}

/** Each worker's ranges, in file order, with their positions among all the file's ranges. */
function workerShares(ranges: readonly ByteRange[], threads: number): { index: number; range: ByteRange }[][] {
  const shares: { index: number; range: ByteRange }[][] = Array.from({ length: threads - 1 }, () => []);
  ranges.forEach((range, index) => {
    const reader = readerOf(index, threads);
    if (reader !== -1) shares[reader]!.push({ index, range });
  });
  return shares;
}

class ParallelFileRead {
  private readonly workers: RangeWorker[] = [];
  private reportedBytes = 0;
  private sentOrders = 0;

  constructor(
    private readonly plan: FilePlan,
    private readonly context: ReadContext,
    private readonly settings: ParallelSettings,
  ) {}

  private readonly onBytes = (bytes: number): void => {
    this.reportedBytes += bytes;
    this.context.onBytes(bytes);
  };

  private decide(mode: ParallelDecision['mode'], reason: string, ranges: number): void {
    this.settings.onDecision?.({ path: this.plan.path, mode, reason, ranges });
  }

  /** The one-pass reading, minus what the ranges read so far already sent to the sink. */
  private async onePass(reason: string, ranges = 1): Promise<FileOutcome> {
    for (const worker of this.workers) worker.stop();
    this.decide('one-pass', reason, ranges);
    const context: ReadContext = {
      ...this.context,
      sink: this.sentOrders > 0 ? skippingOrders(this.context.sink, this.sentOrders) : this.context.sink,
      onBytes: progressPast(this.context.onBytes, this.reportedBytes),
    };
    return readInputFile(this.plan, context);
  }

  private task(ranges: { index: number; range: ByteRange }[], header: FoundHeader): RangeTask {
    const { context } = this;
    return {
      plan: this.plan,
      ranges,
      header: headerRowOf(header),
      extra: context.extra,
      ownAccounts: context.ownAccounts,
      period: context.period,
      lenient: context.lenient,
      overridden: context.overridden,
      earlierKeys: context.orderKeys.size > 0 ? context.orderKeys.state() : null,
      sink: this.settings.sink,
    };
  }

  async read(size: number): Promise<FileOutcome> {
    try {
      return await this.readRanges(size);
    } finally {
      // Whatever happened, no worker outlives the file: a live worker would keep the process up.
      for (const worker of this.workers) worker.stop();
    }
  }

  private async readRanges(size: number): Promise<FileOutcome> {
    // Workers start up while the main thread finds the header and the cuts: a file this big is
    // nearly always an orders export, and a worker not needed after all is simply stopped.
    const { threads } = this.settings;
    try {
      for (let i = 1; i < threads; i++) this.workers.push(new RangeWorker(this.onBytes));
    } catch {
      return this.onePass('no worker thread could be started');
    }
    const header = await findHeaderRow(this.plan, this.context, size).catch(() => null);
    if (header === null || header.kind !== 'orders') return this.onePass('not an orders export with a readable header');
    const shares = rangeShares(threads, size, this.settings.rangeBytes ?? RANGE_BYTES);
    const ranges = await planRanges(this.plan.path, size, shares).catch(() => null);
    if (ranges === null) return this.onePass('no record boundary to cut at');
    try {
      workerShares(ranges, threads).forEach((share, i) => {
        // A file cut into fewer ranges than there are threads leaves the last workers nothing.
        if (share.length === 0) this.workers[i]!.stop();
        else this.workers[i]!.start(this.task(share, header));
      });
    } catch {
      return this.onePass('the file plan could not be posted to a worker', ranges.length);
    }

    const fileKeys = new OrderLineKeys(this.context.orderKeys);
    const mainContext: ReadContext = {
      ...this.context,
      sink: countingOrders(this.context.sink, () => void this.sentOrders++),
      orderKeys: fileKeys,
      onBytes: this.onBytes,
    };
    // Into the sink in file order, each range once it is shown to read as one pass reads it:
    // the sink then always holds a prefix of the file, which one pass can take over from.
    const summaries: InputFileSummary[] = [];
    // Set by range 0, always the main thread's: its later ranges go on decoding the same way,
    // as one pass does; a worker's range, decoded from its own first bytes, must agree with it.
    // (A range 0 all in ASCII reports UTF-8, where one pass has not decided yet: a later range
    // then reads as UTF-8 what one pass would take for UTF-8 too, and any other bytes fail the
    // decoder's check of their chunk before a record of it is read, which sends it to one pass.)
    let encoding: Encoding | null = null;
    for (const [index, range] of ranges.entries()) {
      const reader = readerOf(index, threads);
      if (reader === -1) {
        const own = await this.readOwnRange(mainContext, encoding === null ? range : { ...range, encoding }, header);
        if (typeof own === 'string') return this.onePass(own, ranges.length);
        encoding ??= own.encoding;
        summaries.push(own.summary);
        continue;
      }
      const result = await this.workers[reader]!.result(index);
      if (!isCleanRange(result)) return this.onePass('a later range did not end cleanly', ranges.length);
      if (!encodingsAgree(encoding!, [result.encoding])) {
        return this.onePass('the ranges decoded differently', ranges.length);
      }
      if (fileKeys.absorb(OrderLineKeys.fromState(result.keys)) > 0) {
        return this.onePass('an order line repeats one in an earlier range', ranges.length);
      }
      this.settings.merge(result.state);
      this.sentOrders += result.sentOrders;
      summaries.push(result.summary);
    }
    this.context.orderKeys.absorb(fileKeys);
    this.decide('parallel', 'every range ended cleanly', ranges.length);
    return { status: 'accepted', summary: combineSummaries(summaries) };
  }

  /**
   * Reads one of the main thread's ranges straight into the sink: the first (it starts at 0)
   * finds the header itself, the later ones are handed it. Returns why one pass must take over,
   * or the range's summary and encoding.
   */
  private async readOwnRange(
    context: ReadContext,
    range: ByteRange,
    header: FoundHeader,
  ): Promise<string | { summary: InputFileSummary; encoding: Encoding }> {
    const first = range.start === 0;
    const which = first ? 'the first range' : "a later range of the main thread's";
    let read;
    try {
      read = await readInputRange(this.plan, context, range, first ? null : headerRowOf(header));
    } catch {
      return `${which} could not be read`;
    }
    const { outcome, end } = read;
    if (end.status !== 'complete' || outcome.status !== 'accepted' || outcome.summary.stoppedAt !== null) {
      return `${which} did not end cleanly`;
    }
    if (outcome.summary.headerLine !== header.line) return 'the header was found elsewhere';
    return { summary: outcome.summary, encoding: read.encoding };
  }
}

/** How long the machine is watched before deciding on threads: a few scheduler ticks per core. */
const IDLE_SAMPLE_MS = 100;

function idleAndTotal(): { idle: number; total: number } {
  let idle = 0;
  let total = 0;
  for (const { times } of cpus()) {
    idle += times.idle;
    total += times.user + times.nice + times.sys + times.idle + times.irq;
  }
  return { idle, total };
}

/**
 * Cores idle over a tenth of a second, while this process waits. The load average would say
 * what the machine did over the last minute, this reader's own previous run included; a
 * worker only pays on a core that is free now, and on a busy one makes both threads slower
 * than one pass (the second thread spends a fifth more CPU in all than one pass does).
 */
export async function idleCores(): Promise<number> {
  const before = idleAndTotal();
  await sleep(IDLE_SAMPLE_MS);
  const after = idleAndTotal();
  const total = after.total - before.total;
  if (total <= 0) return availableParallelism();
  return (availableParallelism() * (after.idle - before.idle)) / total;
}

/** A core counts as free when at least this much of it is idle. */
const FREE_CORE_SHARE = 0.7;

/** Cores at least FREE_CORE_SHARE idle, out of `idle` idle cores' worth of CPU time. */
export function freeCores(idle: number): number {
  return Math.floor(idle + (1 - FREE_CORE_SHARE));
}

/** The threads that pay for one big file: the main thread, and one worker per other free core. */
export function threadsThatPay(requested: number, idle: number): number {
  return Math.max(1, Math.min(requested, freeCores(idle)));
}

/**
 * A file reader for `ingest` that reads big orders exports on up to `threads` threads, as
 * many as there are free cores for, and every other file in one pass.
 */
export function parallelFileReader(settings: ParallelSettings): FileReader {
  const minBytes = settings.minBytes ?? PARALLEL_MIN_BYTES;
  const measureIdle = settings.idleCores ?? idleCores;
  return async (plan, context) => {
    if (settings.threads < 2) return readInputFile(plan, context);
    const size = await fileSize(plan.path);
    if (size === null || size < minBytes) return readInputFile(plan, context);
    const idle = await measureIdle();
    const threads = threadsThatPay(settings.threads, idle);
    if (threads < 2) {
      const reason = `${idle.toFixed(1)} of ${availableParallelism()} cores idle: no core free for a worker`;
      settings.onDecision?.({ path: plan.path, mode: 'one-pass', reason, ranges: 1 });
      return readInputFile(plan, context);
    }
    return new ParallelFileRead(plan, context, { ...settings, threads }).read(size);
  };
}
