// A small worker pool: one worker thread per core, each taking the next client when it is done.
// A worker that dies takes only its own client down: that client is failed and a fresh
// worker carries on with the rest.

import { Worker } from 'node:worker_threads';
import type { ClientJob, WorkerReply } from './types.js';

const WORKER_URL = new URL('./worker.js', import.meta.url);

export interface PoolOptions {
  concurrency: number;
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
      const worker = new Worker(WORKER_URL);
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

    if (options.signal?.aborted) return finish(new PoolCancelled());
    options.signal?.addEventListener('abort', () => finish(new PoolCancelled()), { once: true });
    if (jobs.length === 0) return finish();
    const size = Math.max(1, Math.min(options.concurrency, jobs.length));
    for (let i = 0; i < size; i++) startWorker();
  });
}
