// A small worker pool: up to one worker thread per core, each taking the next client when it is
// done. A worker that dies takes only its own client down: that client is failed and a fresh
// worker carries on with the rest.
//
// By default the pool grows only onto free cores, as the big-file reader does: it starts one
// worker, and whenever a client is handed out and a core is found idle (a short sample of the
// machine's CPU times), one more, up to the limit. A second worker on a busy core spends more
// CPU than it saves (its own start-up and compilation, two heaps collecting), so on a loaded
// machine the default runs like --concurrency 1, and on an idle one like --concurrency N.

import { Worker } from 'node:worker_threads';
import { freeCores, WORKER_LIMITS } from '../ingest/parallel/index.js';
import type { ClientJob, WorkerReply } from './types.js';

const WORKER_URL = new URL('./worker.js', import.meta.url);

export interface PoolOptions {
  /** The most workers at once. */
  concurrency: number;
  /**
   * When given, workers beyond the first start only while this says a core is idle (see
   * idleCores in the parallel reader); without it, `concurrency` workers start at once.
   */
  idleCores?: () => Promise<number>;
  signal?: AbortSignal;
  onReply?: (reply: WorkerReply) => void;
  /** Reason text for a worker that died mid-job. */
  crashReason: (error: unknown) => string;
}

export class PoolCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'PoolCancelled';
  }
}

export function runPool(jobs: ClientJob[], options: PoolOptions): Promise<WorkerReply[]> {
  return new Promise((resolvePool, rejectPool) => {
    const replies: WorkerReply[] = [];
    const workers = new Set<Worker>();
    let next = 0;
    let settled = false;

    // Settles only once every worker has stopped: a stopped run must not write after it says so.
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      const stopping = [...workers].map((worker) => worker.terminate());
      workers.clear();
      void Promise.allSettled(stopping).then(() => (error ? rejectPool(error) : resolvePool(replies)));
    };

    const record = (reply: WorkerReply) => {
      replies.push(reply);
      options.onReply?.(reply);
      if (replies.length === jobs.length) finish();
    };

    const startWorker = () => {
      if (settled || next >= jobs.length) return;
      const worker = new Worker(WORKER_URL, { resourceLimits: WORKER_LIMITS });
      workers.add(worker);
      let current: ClientJob | null = null;
      let started = 0;
      const give = () => {
        if (settled || next >= jobs.length) {
          current = null;
          workers.delete(worker);
          void worker.terminate();
          return;
        }
        current = jobs[next++]!;
        started = performance.now();
        worker.postMessage(current);
      };
      worker.on('message', (reply: WorkerReply) => {
        record(reply);
        give();
        growOntoFreeCore();
      });
      const died = (error: unknown) => {
        if (!workers.has(worker)) return;
        workers.delete(worker);
        if (current && !settled) {
          record({
            ok: false,
            client: current.client,
            reason: options.crashReason(error),
            elapsedMs: performance.now() - started,
          });
          current = null;
          startWorker();
        }
      };
      worker.on('error', died);
      worker.on('exit', (code) => died(new Error(`worker exited with code ${code}`)));
      give();
    };

    const limit = Math.max(1, Math.min(options.concurrency, jobs.length));
    let sampling = false;
    // One sample at a time; the new worker takes a client no running worker has asked for yet.
    const growOntoFreeCore = () => {
      const { idleCores } = options;
      if (idleCores === undefined || sampling || settled) return;
      if (workers.size >= limit || next >= jobs.length) return;
      sampling = true;
      void idleCores()
        .catch(() => 0)
        .then((idle) => {
          sampling = false;
          // The running workers are busy through the sample: what is idle is a core beside them.
          if (freeCores(idle) < 1 || workers.size >= limit || next >= jobs.length) return;
          startWorker();
          growOntoFreeCore();
        });
    };

    if (options.signal?.aborted) return finish(new PoolCancelled());
    options.signal?.addEventListener('abort', () => finish(new PoolCancelled()), { once: true });
    if (jobs.length === 0) return finish();
    if (options.idleCores !== undefined) {
      startWorker();
      growOntoFreeCore();
      return;
    }
    for (let i = 0; i < limit; i++) startWorker();
  });
}
