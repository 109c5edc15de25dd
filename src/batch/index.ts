// `batch`: every sub-folder of a portfolio folder is a client; diagnose them all in parallel
// and write each client's reports plus a portfolio summary.

import { access, readdir } from 'node:fs/promises';
import { BATCH_OWN_FILES } from './skipped-folders.js';
import { utf8Name } from '../util/file-names.js';
import { join, relative, resolve } from 'node:path';
import { InputError, UserError } from '../errors.js';
import { STAGE_KEYS, type StageKey } from '../diagnosis/types.js';
import { allMessages } from '../i18n/catalogs/index.js';
import { translator } from '../i18n/index.js';
import { idleCores } from '../ingest/parallel/index.js';
import { runPool } from './pool.js';
import type { ClientJob, ClientSummary, WorkerReply } from './types.js';
import { locateChromium } from '../report/pdf/chromium.js';

export interface BatchOptions extends Omit<ClientJob, 'client' | 'dir' | 'outDir'> {
  dir: string;
  outDir: string;
  concurrency: number;
  /** Workers beyond the first only onto idle cores (the default concurrency), up to `concurrency`. */
  onFreeCoresOnly?: boolean;
  failUnder: number | null;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, reply: WorkerReply) => void;
}

/** An earlier batch's output folder left inside the portfolio is recognised by its summary. */
async function isBatchOutput(folder: string): Promise<boolean> {
  return access(join(folder, 'summary.json')).then(
    () => true,
    () => false,
  );
}

/**
 * Sub-folders of dir, by name. Hidden folders, the output folder (when inside dir) and earlier
 * batch outputs are not clients.
 */
export async function listClients(dir: string, outDir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const key = code === 'ENOENT' ? 'batch.dirNotFound' : code === 'ENOTDIR' ? 'batch.notADir' : 'batch.dirUnreadable';
    throw new InputError({ key, params: { file: dir } }, dir);
  }
  const outInside = relative(resolve(dir), resolve(outDir));
  // A name that is not valid UTF-8 cannot be opened through a string: skipped-folders.ts names it.
  const candidates = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => utf8Name(entry.name))
    .filter((name): name is string => name !== null)
    .filter((name) => !name.startsWith('.') && name !== outInside && !BATCH_OWN_FILES.has(name))
    .sort();
  const outputs = await Promise.all(candidates.map((name) => isBatchOutput(join(dir, name))));
  return candidates.filter((_, index) => !outputs[index]);
}

function summarise(reply: WorkerReply, failUnder: number | null): ClientSummary {
  if (!reply.ok) {
    const scores = Object.fromEntries(STAGE_KEYS.map((key) => [key, null])) as Record<StageKey, number | null>;
    return {
      client: reply.client,
      brand: null,
      status: 'failed',
      reason: reply.reason,
      scores,
      focusStage: null,
      overallScore: null,
      files: [],
      elapsedMs: reply.elapsedMs,
      peers: null,
      sample: null,
    };
  }
  const belowGate = failUnder !== null && (reply.overallScore === null || reply.overallScore < failUnder);
  return {
    client: reply.client,
    brand: reply.brand,
    status: belowGate ? 'below-gate' : 'ok',
    reason: null,
    scores: reply.scores,
    focusStage: reply.focusStage,
    overallScore: reply.overallScore,
    files: reply.files,
    elapsedMs: reply.elapsedMs,
    peers: null,
    sample: reply.sample,
  };
}

export async function runBatch(options: BatchOptions): Promise<ClientSummary[]> {
  const clients = await listClients(options.dir, options.outDir);
  if (clients.length === 0) throw new UserError({ key: 'batch.noClients', params: { dir: options.dir } });
  // Every client's PDF needs the browser: without one, say so once instead of failing each client.
  if (options.formats.includes('pdf')) locateChromium();
  const t = translator(allMessages, options.lang);
  const jobs: ClientJob[] = clients.map((client) => ({
    client,
    dir: join(options.dir, client),
    outDir: join(options.outDir, client),
    formats: options.formats,
    lang: options.lang,
    profile: options.profile,
    strict: options.strict,
    lenient: options.lenient,
    period: options.period,
    generatedAt: options.generatedAt,
    benchmarks: options.benchmarks,
  }));
  let done = 0;
  const replies = await runPool(jobs, {
    concurrency: options.concurrency,
    idleCores: options.onFreeCoresOnly ? idleCores : undefined,
    signal: options.signal,
    crashReason: (error) => t('batch.workerDied', { message: error instanceof Error ? error.message : String(error) }),
    onReply: (reply) => options.onProgress?.(++done, jobs.length, reply),
  });
  return replies
    .map((reply) => summarise(reply, options.failUnder))
    .sort((a, b) => (a.client < b.client ? -1 : a.client > b.client ? 1 : 0));
}
