// Reads one big orders export on several threads. The main thread starts reading the file's
// first range straight into the caller's sink at once, and meanwhile samples the machine: with
// no core free for a worker it reads the rest after it, and that is one pass. Otherwise each
// worker thread cuts the file at record boundaries into rounds of ranges (one range per worker,
// then one for the main thread) and reads its ranges, each into a sink of its own, whose
// compact state is posted back and folded into the caller's sink. Everything goes into that
// sink in file order, so the main thread folds a worker's range as soon as it has read its own
// range before it, and a worker's state waits for at most about one round.
//
// The result is the one-pass result, not an approximation of it. Every range must end cleanly
// and decode as the whole file does, and every thread's order lines go into one duplicate check
// that says when a range took for new a line an earlier range holds (the first copy counts;
// see dedupe.ts). Each range is checked before it is folded in, so the sink always holds what one
// pass would have sent for a prefix of the file; and a range that ended cleanly at a cut proves
// the cut a record boundary, so the main thread's next range, read straight into the sink,
// starts where one pass would be. When a check fails, the file is read again in one pass,
// skipping the orders of that prefix, which one pass sends first.

import { stat } from 'node:fs/promises';
import { availableParallelism, cpus } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { ByteRange, CsvReadResult } from '../csv.js';
import {
  createSharedKeysTable,
  MAX_SHARED_RANGES,
  OrderLineKeys,
  SharedOrderLineKeys,
  sharedKeysAsSet,
  sharedKeysUnsure,
  type SharedKeysTable,
} from '../dedupe.js';
import type { FileReader } from '../index.js';
import {
  RangeReading,
  readInputFile,
  type FileOutcome,
  type FilePlan,
  type HeaderRow,
  type ReadContext,
} from '../read-file.js';
import type { Encoding, InputFileSummary, RecordSink } from '../types.js';
import { combineSummaries, encodingsAgree } from './combine.js';
import { findHeaderRow, type FoundHeader } from './header.js';
import type { RangeDone, RangeFailed, RangeReply, RangeTask, ReadOn, SinkRecipe } from './protocol.js';
import { cutRanges } from './split.js';
import { countingOrders } from './counting-sink.js';
import { readerOf } from './readers.js';

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
   * How many cores no other program is using just now; the workers are only started when
   * there are cores for them. By default a short sample of the machine's CPU times, taken
   * while the first range is read (see coresFreeOfOtherWork).
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
 * The main thread starts reading before any worker can: the machine is sampled, a worker
 * started and the file's cuts planned while it reads its first range, and the first worker
 * range begins that much later. A first range half as long again as a worker's keeps the main
 * thread from waiting for it (measured on the million-line bench: the worker began reading
 * 0.2–0.25 s after the main thread, whose ranges took 0.45–0.55 s each).
 */
const FIRST_RANGE_OF_WORKER_RANGE = 1.5;

/** Where the main thread's first range ends: before any thread count is known, so it is the same whatever the sample says. */
function firstRangeEnd(requested: number, size: number, rangeBytes: number): number {
  const mainBytes = (size * MAIN_SHARE_OF_EQUAL) / requested;
  return Math.max(1, Math.floor(Math.min(mainBytes, rangeBytes * FIRST_RANGE_OF_WORKER_RANGE)));
}

/**
 * Where the ranges after the first end, in file order: rounds of one range per worker and then
 * one for the main thread; the last round has no range for the main thread, which folds it in.
 */
function laterCuts(threads: number, size: number, first: number, rangeBytes: number): number[] {
  const workers = threads - 1;
  const mainLater = Math.max(0, (size * MAIN_SHARE_OF_EQUAL) / threads - first);
  const rounds = Math.max(1, Math.ceil((size - first - mainLater) / workers / rangeBytes));
  const mainRange = rounds > 1 ? mainLater / (rounds - 1) : 0;
  const workerRange = (size - first - mainRange * (rounds - 1)) / workers / rounds;
  const cuts: number[] = [];
  let at = first;
  for (let round = 0; round < rounds; round++) {
    for (let worker = 0; worker < workers; worker++) cuts.push(Math.floor((at += workerRange)));
    if (round < rounds - 1) cuts.push(Math.floor((at += mainRange)));
  }
  cuts.pop(); // the last range ends at the end of the file
  return cuts;
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

/** A file's order-line keys while it is read in ranges: its shared table, and the files' before it. */
interface FileKeys {
  table: SharedKeysTable;
  /** The earlier files' keys, when there are any. */
  earlier: OrderLineKeys | null;
}

/** Why one pass must take over, or a main-thread range's summary and encoding. */
type OwnRange = string | { summary: InputFileSummary; encoding: Encoding };

/** One worker thread cutting the file and reading its ranges of it; each reply settles its own promise. */
class RangeWorker {
  private readonly worker = new Worker(WORKER_URL, { resourceLimits: WORKER_LIMITS });
  private readonly cut: Promise<ByteRange[] | null>;
  private settleCut: (ranges: ByteRange[] | null) => void = () => {};
  /** Replies in before the main thread asked for them, and the main thread's questions before their reply. */
  private readonly replies = new Map<number, RangeResult>();
  private readonly waiting = new Map<number, (result: RangeResult) => void>();
  /** Set once the worker has failed or gone: every range not in yet fails with it. */
  private failure: RangeFailed | null = null;

  constructor(onBytes: (bytes: number) => void) {
    this.cut = new Promise((resolve) => (this.settleCut = resolve));
    this.worker.on('message', (reply: RangeReply) => {
      if (reply.type === 'bytes') onBytes(reply.bytes);
      else if (reply.type === 'cut') this.settleCut(reply.ranges);
      else if (reply.type === 'done') this.settle(reply);
      else this.fail(reply);
    });
    this.worker.on('error', (error) => this.fail({ type: 'failed', message: error.message }));
    this.worker.on('exit', (code) => this.fail({ type: 'failed', message: `worker exited with code ${code}` }));
  }

  start(task: RangeTask): void {
    this.worker.postMessage(task);
  }

  /** The file's ranges as this worker cut them; null when it could not, or failed first. */
  ranges(): Promise<ByteRange[] | null> {
    return this.cut;
  }

  /** Lets the worker read its ranges of the cuts it posted. */
  readOn(): void {
    const order: ReadOn = { type: 'read-on' };
    this.worker.postMessage(order);
  }

  /**
   * The range's result, handed out once: kept here after that, every range's state would stay
   * alive until the whole file is folded in (measured: 30 MB of the peak on the million lines).
   */
  result(index: number): Promise<RangeResult> {
    const reply = this.replies.get(index);
    if (reply !== undefined) {
      this.replies.delete(index);
      return Promise.resolve(reply);
    }
    if (this.failure !== null) return Promise.resolve(this.failure);
    return new Promise((resolve) => this.waiting.set(index, resolve));
  }

  stop(): void {
    void this.worker.terminate();
  }

  private settle(reply: RangeDone): void {
    const waiting = this.waiting.get(reply.index);
    this.waiting.delete(reply.index);
    if (waiting === undefined) this.replies.set(reply.index, reply);
    else waiting(reply);
    // Its last range is in: the worker's memory can go back before the main thread folds that range in.
    if (reply.last) this.stop();
  }

  /** Every range not in yet fails with the worker (one that ended after its last range is not a failure). */
  private fail(failure: RangeFailed): void {
    this.failure ??= failure;
    this.settleCut(null);
    for (const resolve of this.waiting.values()) resolve(failure);
    this.waiting.clear();
  }
}

/**
 * A main-thread range as read (null: it could not be): why one pass must take over, or its
 * summary and encoding.
 */
function checkedRange(reading: RangeReading, read: CsvReadResult | null, which: string, header: FoundHeader): OwnRange {
  if (read === null) return `${which} could not be read`;
  const outcome = reading.finish(read);
  if (read.end.status !== 'complete' || outcome.status !== 'accepted' || outcome.summary.stoppedAt !== null) {
    return `${which} did not end cleanly`;
  }
  if (outcome.summary.headerLine !== header.line) return 'the header was found elsewhere';
  return { summary: outcome.summary, encoding: read.encoding };
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

  private task(
    worker: number,
    threads: number,
    size: number,
    targets: number[],
    header: FoundHeader,
    keys: FileKeys,
  ): RangeTask {
    const { context } = this;
    return {
      plan: this.plan,
      size,
      targets,
      threads,
      worker,
      header: headerRowOf(header),
      extra: context.extra,
      ownAccounts: context.ownAccounts,
      period: context.period,
      lenient: context.lenient,
      overridden: context.overridden,
      earlierKeys: keys.earlier === null ? null : keys.earlier.state(),
      keys: keys.table,
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
    const requested = this.settings.threads;
    const rangeBytes = this.settings.rangeBytes ?? RANGE_BYTES;
    // Whether a worker pays is sampled while the header is found and the first range read, so
    // that deciding costs the reading nothing, and a busy machine gets the one-pass time.
    const idle = (this.settings.idleCores ?? coresFreeOfOtherWork)().catch(() => 0);
    const header = await findHeaderRow(this.plan, this.context, size).catch(() => null);
    if (header === null || header.kind !== 'orders') return this.onePass('not an orders export with a readable header');
    const firstCut = firstRangeEnd(requested, size, rangeBytes);
    const firstAndRest = await cutRanges(this.plan.path, size, [firstCut]).catch(() => null);
    if (firstAndRest === null) return this.onePass('no record boundary to cut at');

    const earlier = this.context.orderKeys;
    if (!(earlier instanceof OrderLineKeys))
      return this.onePass('the duplicate check is not one the threads can share');
    const earlierKeys = earlier.size > 0 ? earlier : null;
    // Each range's reader tags the keys it meets with the range's number (see dedupe.ts); the
    // first range's keys are its own until a worker is started.
    const firstKeys = new SharedOrderLineKeys(null, 0, earlierKeys);
    const mainContext = (orderKeys: SharedOrderLineKeys): ReadContext => ({
      ...this.context,
      sink: countingOrders(this.context.sink, () => void this.sentOrders++),
      orderKeys,
      onBytes: this.onBytes,
    });
    // The first range finds the header itself, as one pass does.
    const firstReading = new RangeReading(this.plan, mainContext(firstKeys), null);
    const firstRead = firstReading.read(firstAndRest[0]!).catch(() => null);
    const idleCores = await idle;
    const threads = threadsThatPay(requested, idleCores);
    if (threads < 2) {
      return this.readRestAlone(
        firstReading,
        firstRead,
        firstAndRest[1]!,
        firstKeys,
        earlier,
        noFreeCoreReason(idleCores),
      );
    }
    // Lines per byte of the first range, for the whole file, and a margin (with the table's
    // own room, a file may have half again as many lines as foretold); a file that fills it all
    // the same is read in one pass.
    const linesFirst = firstAndRest[1]!.firstLine - 1;
    const keys: FileKeys = {
      table: createSharedKeysTable(Math.ceil((linesFirst * size * 1.25) / firstAndRest[0]!.end)),
      earlier: earlierKeys,
    };
    firstKeys.share(keys.table);
    const targets = [firstCut, ...laterCuts(threads, size, firstCut, rangeBytes)];
    // The workers cut the file themselves while the main thread reads the first range.
    const started = this.startWorkers(threads, size, targets, header, keys);
    const ranges = started ? await this.workerRanges(firstAndRest[0]!) : null;
    if (ranges === null) {
      for (const worker of this.workers) worker.stop();
      const reason = started ? 'the workers did not cut the file as the main thread did' : 'no worker could be started';
      return this.readRestAlone(firstReading, firstRead, firstAndRest[1]!, firstKeys, earlier, reason);
    }
    const rangeKeys = (range: number) => new SharedOrderLineKeys(keys.table, range, earlierKeys);

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
        const own: OwnRange =
          index === 0
            ? checkedRange(firstReading, await firstRead, 'the first range', header)
            : await this.readOwnRange(mainContext(rangeKeys(index)), { ...range, encoding: encoding! }, header);
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
      if (sharedKeysUnsure(keys.table)) {
        return this.onePass('an order line repeats one in another range', ranges.length);
      }
      this.settings.merge(result.state);
      this.sentOrders += result.sentOrders;
      summaries.push(result.summary);
    }
    if (sharedKeysUnsure(keys.table)) return this.onePass('an order line repeats one in another range', ranges.length);
    earlier.absorb(sharedKeysAsSet(keys.table));
    this.decide('parallel', 'every range ended cleanly', ranges.length);
    return { status: 'accepted', summary: combineSummaries(summaries) };
  }

  /**
   * Starts the workers, which cut the file at `targets` and read their ranges; false when no
   * worker could be started (the main thread then reads on alone).
   */
  private startWorkers(threads: number, size: number, targets: number[], header: FoundHeader, keys: FileKeys): boolean {
    try {
      for (let worker = 0; worker < threads - 1; worker++) {
        const rangeWorker = new RangeWorker(this.onBytes);
        this.workers.push(rangeWorker);
        rangeWorker.start(this.task(worker, threads, size, targets, header, keys));
      }
      return true;
    } catch {
      return false;
    }
  }

  /**
   * The file's ranges, when every worker cut the file alike and where the main thread's first
   * range ends, and the workers are then told to read on; null otherwise, and no worker has
   * written to the shared duplicate check. (A file cut into fewer ranges than there are threads
   * leaves the last workers nothing: they end once told to read on.)
   */
  private async workerRanges(first: ByteRange): Promise<ByteRange[] | null> {
    const cuts = await Promise.all(this.workers.map((worker) => worker.ranges()));
    const ranges = cuts[0] ?? null;
    if (ranges === null || ranges.length < 2 || ranges.length > MAX_SHARED_RANGES || ranges[0]!.end !== first.end) {
      return null;
    }
    const sameEnds = (cut: ByteRange[] | null) =>
      cut !== null && cut.length === ranges.length && cut.every((range, i) => range.end === ranges[i]!.end);
    if (!cuts.every(sameEnds)) return null;
    for (const worker of this.workers) worker.readOn();
    return ranges;
  }

  /**
   * Reads one of the main thread's later ranges straight into the sink, handed the header (the
   * first range's reader finds it itself). Returns why one pass must take over, or the range's
   * summary and encoding.
   */
  private async readOwnRange(context: ReadContext, range: ByteRange, header: FoundHeader): Promise<OwnRange> {
    const reading = new RangeReading(this.plan, context, headerRowOf(header));
    const read = await reading.read(range).catch(() => null);
    return checkedRange(reading, read, "a later range of the main thread's", header);
  }

  /**
   * With no worker (no core free for one, as a rule): the rest of the file, after the first
   * range, read by the first range's reader, which makes it one pass.
   */
  private async readRestAlone(
    reading: RangeReading,
    firstRead: Promise<CsvReadResult | null>,
    rest: ByteRange,
    firstKeys: SharedOrderLineKeys,
    seen: OrderLineKeys,
    reason: string,
  ): Promise<FileOutcome> {
    const own = firstKeys.alone();
    const first = await firstRead;
    // Ended cleanly, the first range ends at a record boundary, where one pass reads on from.
    if (first === null || first.end.status !== 'complete')
      return this.onePass('the first range did not end cleanly', 2);
    const last = await reading.read({ ...rest, encoding: first.encoding }).catch(() => null);
    if (last === null) return this.onePass('the rest of the file could not be read', 2);
    seen.absorb(own);
    this.decide('one-pass', reason, 2);
    return reading.finish(last);
  }
}

/** How long the machine is watched before deciding on threads: a few scheduler ticks per core. */
const IDLE_SAMPLE_MS = 100;

interface CoreTimes {
  idle: number;
  total: number;
  /** This process's own CPU time, all its threads, in the same unit (ms). */
  own: number;
  at: number;
}

function coreTimes(): CoreTimes {
  let idle = 0;
  let total = 0;
  for (const { times } of cpus()) {
    idle += times.idle;
    total += times.user + times.nice + times.sys + times.idle + times.irq;
  }
  const { user, system } = process.cpuUsage();
  return { idle, total, own: (user + system) / 1000, at: performance.now() };
}

/** Samples the machine's CPU times over a tenth of a second, while this process goes on with its work. */
async function sampleCores(): Promise<{ idle: number; own: number } | null> {
  const before = coreTimes();
  await sleep(IDLE_SAMPLE_MS);
  const after = coreTimes();
  const total = after.total - before.total;
  const elapsed = after.at - before.at;
  if (total <= 0 || elapsed <= 0) return null;
  const cores = availableParallelism();
  return { idle: (cores * (after.idle - before.idle)) / total, own: (after.own - before.own) / elapsed };
}

/**
 * Cores idle over a tenth of a second. The load average would say what the machine did over
 * the last minute, this reader's own previous run included; a worker only pays on a core that
 * is free now, and on a busy one makes both threads slower than one pass (the second thread
 * spends a fifth more CPU in all than one pass does). Batch samples so beside its running
 * workers: what they use is not free.
 */
export async function idleCores(): Promise<number> {
  const sample = await sampleCores();
  return sample === null ? availableParallelism() : sample.idle;
}

/**
 * Cores no other program is using: idle ones, and those this process keeps busy itself. The
 * reader samples while its main thread reads the first range, which takes one core the
 * sample would otherwise count as busy.
 */
export async function coresFreeOfOtherWork(): Promise<number> {
  const sample = await sampleCores();
  if (sample === null) return availableParallelism();
  return Math.min(availableParallelism(), sample.idle + sample.own);
}

/** A core counts as free when at least this much of it is idle. */
const FREE_CORE_SHARE = 0.7;

/** Cores at least FREE_CORE_SHARE idle, out of `idle` idle cores' worth of CPU time. */
export function freeCores(idle: number): number {
  return Math.floor(idle + (1 - FREE_CORE_SHARE));
}

function noFreeCoreReason(idle: number): string {
  return `${idle.toFixed(1)} of ${availableParallelism()} cores free of other work: no core free for a worker`;
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
  return async (plan, context) => {
    if (settings.threads < 2) return readInputFile(plan, context);
    const size = await fileSize(plan.path);
    if (size === null || size < minBytes) return readInputFile(plan, context);
    return new ParallelFileRead(plan, context, settings).read(size);
  };
}
