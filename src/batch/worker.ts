// Worker thread entry: takes client jobs one at a time from the pool and answers each.

import { parentPort } from 'node:worker_threads';
import { runClientJob } from './client.js';
import type { ClientJob } from './types.js';

if (!parentPort) throw new Error('batch worker must run in a worker thread');
const port = parentPort;

port.on('message', (job: ClientJob) => {
  void runClientJob(job).then((reply) => port.postMessage(reply));
});
