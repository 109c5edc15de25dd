// Worker thread entry: reads its ranges of a big export one after the other, each into a sink
// of its own, and posts back after each what the main thread needs to fold it in. Any failure
// is posted as such; the main thread then reads the file in one pass, which reports the
// problem the way it always does.

import { parentPort } from 'node:worker_threads';
import { OrderLineKeys, SharedOrderLineKeys } from '../dedupe.js';
import { readInputRange, type ReadContext } from '../read-file.js';
import { countingOrders } from './counting-sink.js';
import { readerOf } from './readers.js';
import { cutRanges } from './split.js';
import type { RangeReply, RangeTask, WorkerSink } from './protocol.js';

/** Progress is posted in steps of this many bytes: often enough for a progress bar, rarely enough to cost nothing. */
const PROGRESS_STEP_BYTES = 8 << 20;

if (!parentPort) throw new Error('the range worker must run in a worker thread');
const port = parentPort;

function post(reply: RangeReply, transfer: ArrayBuffer[] = []): void {
  port.postMessage(reply, transfer);
}

/**
 * The buffers a range's state holds whole, to move to the main thread rather than copy: its
 * sink is dropped once the state is posted. A copy is written into one serialised message (5.5
 * MB a range on the bench's million lines), out of this thread's C heap, which keeps what the
 * message held once the main thread has read it. Measured there (farm-bench -n 9): 268.0
 * against 288.3 MiB peak, 1.00x the time. Views of part of a buffer (a pooled Buffer) and shared
 * memory stay as they are.
 */
function buffersHeldWhole(state: unknown, into = new Set<ArrayBuffer>()): Set<ArrayBuffer> {
  if (state === null || typeof state !== 'object') return into;
  if (ArrayBuffer.isView(state)) {
    const { buffer } = state;
    if (buffer instanceof ArrayBuffer && state.byteOffset === 0 && state.byteLength === buffer.byteLength)
      into.add(buffer);
  } else if (state instanceof Map || state instanceof Set || Array.isArray(state)) {
    for (const value of state.values()) buffersHeldWhole(value, into);
  } else {
    for (const value of Object.values(state)) buffersHeldWhole(value, into);
  }
  return into;
}

type SinkFactory = (...args: unknown[]) => WorkerSink;

async function loadSinkFactory(task: RangeTask): Promise<SinkFactory> {
  const module = (await import(task.sink.module)) as Record<string, unknown>;
  const factory = module[task.sink.exportName];
  if (typeof factory !== 'function') throw new Error(`${task.sink.module} has no ${task.sink.exportName}`);
  return factory as SinkFactory;
}

async function readRanges(task: RangeTask): Promise<void> {
  const ranges = await cutRanges(task.plan.path, task.size, task.targets);
  post({ type: 'cut', ranges });
  if (ranges === null) return;
  // Nothing goes into the shared duplicate check before the main thread has seen that every
  // thread cut the file alike: otherwise it reads on alone, with that check as its own.
  const go = new Promise((resolve) => port.once('message', resolve));
  const [createSink] = await Promise.all([loadSinkFactory(task), go]);
  const mine = [...ranges.entries()].filter(([index]) => readerOf(index, task.threads) === task.worker);
  const earlier = task.earlierKeys === null ? null : OrderLineKeys.fromState(task.earlierKeys);
  let unreported = 0;
  const onBytes = (bytes: number): void => {
    unreported += bytes;
    if (unreported < PROGRESS_STEP_BYTES) return;
    post({ type: 'bytes', bytes: unreported });
    unreported = 0;
  };

  for (const [at, [index, range]] of mine.entries()) {
    const sink = createSink(...task.sink.args);
    let sentOrders = 0;
    const context: ReadContext = {
      extra: task.extra,
      ownAccounts: task.ownAccounts,
      period: task.period,
      lenient: task.lenient,
      sink: countingOrders(sink, () => void sentOrders++),
      orderKeys: new SharedOrderLineKeys(task.keys, index, earlier),
      overridden: task.overridden,
      onBytes,
    };
    const { outcome, end, encoding } = await readInputRange(task.plan, context, range, task.header);
    if (unreported > 0) post({ type: 'bytes', bytes: unreported });
    unreported = 0;
    const state = sink.state();
    const done: RangeReply = {
      type: 'done',
      index,
      last: at === mine.length - 1,
      summary: outcome.status === 'accepted' ? outcome.summary : null,
      end: end.status,
      encoding,
      state,
      sentOrders,
    };
    post(done, [...buffersHeldWhole(state)]);
    // A range that did not end cleanly sends the file back to one pass: no need to read on.
    if (end.status !== 'complete') return;
  }
}

port.once('message', (task: RangeTask) => {
  readRanges(task).catch((error: unknown) => {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  });
});
