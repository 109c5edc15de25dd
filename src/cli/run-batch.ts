// What `batch` does once commander has parsed the options: run the pool, show progress on a
// terminal, write the summary, and stop cleanly on Ctrl-C or SIGTERM.

import { lockOutFolder } from './out-lock.js';
import { skippedClientFolders } from '../batch/skipped-folders.js';
import { visibleText } from '../util/terminal-text.js';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { buildBenchmarks } from '../benchmarks/build.js';
import { benchmarksJson } from '../benchmarks/file.js';
import { portfolioPlace } from '../benchmarks/portfolio.js';
import { runBatch } from '../batch/index.js';
import { PoolCancelled } from '../batch/pool.js';
import { summaryCsv, summaryJson, summaryTable } from '../batch/summary.js';
import type { ClientSummary } from '../batch/types.js';
import { EXIT_CANNOT_RUN, EXIT_GATE_FAILED, UserError } from '../errors.js';
import type { Translate } from '../i18n/index.js';
import type { FormatName } from '../report/formatters/index.js';
import { removeOwnTemporaries } from '../util/atomic-write.js';
import type { Lang } from '../i18n/index.js';
import { parsePeriod } from './options.js';
import { parseFormatSpec, writeOutput } from './outputs.js';
import { cliText } from './text.js';
import { STOP_SIGNALS } from './stop.js';
import { resolveBenchmarks } from './benchmarks-option.js';

export interface BatchSettings {
  lang: Lang;
  out: string;
  /** Workers asked for; capped at the cores. */
  concurrency: number;
  /** No --concurrency given: workers beyond the first go only onto idle cores (see batch/pool.ts). */
  concurrencyByDefault?: boolean;
  /** `--format FMT` as given: per-client reports beside report.json, no paths. */
  format: string[];
  profile: string | null;
  period: string | null;
  failUnder: number | null;
  strict: boolean;
  lenient: boolean;
  benchmarks: string | null;
  minGroup: number | undefined;
  quiet: boolean;
}

function batchFormats(specs: string[] | undefined): FormatName[] {
  const formats: FormatName[] = [];
  for (const spec of specs ?? []) {
    const target = parseFormatSpec(spec);
    if (target.path !== null) throw new UserError({ key: 'batch.formatPath', params: { format: target.format } });
    if (!formats.includes(target.format)) formats.push(target.format);
  }
  return formats;
}

const BAR_WIDTH = 24;

function drawProgress(done: number, total: number, client: string): void {
  const filled = Math.round((done / total) * BAR_WIDTH);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
  process.stderr.write(`\r\u001b[2K${bar} ${done}/${total} ${client.slice(0, 40)}`);
}

/**
 * Ctrl-C, SIGTERM, SIGHUP (the terminal closed) or SIGQUIT stops the workers and lets the run end cleanly; a second signal is the user
 * insisting, and ends the process the default way.
 */
function listenForStop(controller: AbortController): () => void {
  const stopListening = () => {
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
  };
  function onSignal(signal: NodeJS.Signals): void {
    if (!controller.signal.aborted) return controller.abort();
    stopListening();
    process.kill(process.pid, signal);
  }
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  return stopListening;
}

/** Workers stopped mid-write leave their temporaries behind; a stopped run removes them. */
async function reportStopped(outDir: string, t: Translate, showProgress: boolean): Promise<void> {
  await removeOwnTemporaries(outDir);
  if (showProgress) process.stderr.write('\n');
  process.stderr.write(`${t('batch.cancelled', { outDir })}\n`);
  process.exitCode = EXIT_CANNOT_RUN;
}

export async function runBatchCommand(dir: string, options: BatchSettings): Promise<void> {
  // A bad --format is refused before the out folder is created or locked.
  const formats = batchFormats(options.format);
  const controller = new AbortController();
  // Listening until the summary is written: a signal then must not kill a half-done rename.
  const stopListening = listenForStop(controller);
  const unlock = await lockOutFolder(options.out).catch((error: unknown) => {
    stopListening();
    throw error;
  });
  try {
    await runAndSummarise(dir, options, formats, controller.signal);
  } finally {
    await unlock();
    stopListening();
  }
}

async function runAndSummarise(
  dir: string,
  options: BatchSettings,
  formats: FormatName[],
  signal: AbortSignal,
): Promise<void> {
  const lang = options.lang;
  const t = cliText(lang);
  const showProgress = Boolean(process.stderr.isTTY) && !options.quiet;
  const generatedAt = new Date().toISOString();
  // A worker is a thread with its own heap: more than the cores only costs memory, so the
  // request is capped, and said so.
  const cores = availableParallelism();
  const requested = options.concurrency;
  if (requested > cores && !options.quiet)
    process.stderr.write(`${t('batch.concurrencyCapped', { requested: String(requested), cores })}\n`);
  for (const { name, reason } of options.quiet ? [] : await skippedClientFolders(dir))
    process.stderr.write(`${t(`batch.skipped.${reason}`, { name: visibleText(name) })}\n`);
  // Read before any client: a wrong benchmarks path should stop the batch at once.
  const benchmarks = await resolveBenchmarks(options.benchmarks ?? undefined);
  let summaries: ClientSummary[];
  try {
    summaries = await runBatch({
      dir,
      outDir: options.out,
      concurrency: Math.min(cores, Math.max(1, requested)),
      onFreeCoresOnly: options.concurrencyByDefault === true,
      formats,
      lang,
      profile: options.profile,
      strict: options.strict,
      lenient: options.lenient,
      period: options.period === null ? null : parsePeriod(options.period),
      failUnder: options.failUnder,
      generatedAt,
      benchmarks,
      signal,
      onProgress: showProgress ? (done, total, reply) => drawProgress(done, total, reply.client) : undefined,
    });
  } catch (error) {
    if (!(error instanceof PoolCancelled)) throw error;
    await reportStopped(options.out, t, showProgress);
    return;
  }
  if (showProgress) process.stderr.write('\n');

  // The portfolio's own benchmark, written every run; clients are placed against --benchmarks when
  // given (last quarter's file, say), else against this run's portfolio.
  const portfolio = buildBenchmarks(
    summaries.flatMap((summary) => (summary.sample ? [summary.sample] : [])),
    { generatedAt, minGroupSize: options.minGroup },
  );
  await writeOutput(join(options.out, 'benchmarks.json'), benchmarksJson(portfolio));
  const reference = benchmarks?.file ?? portfolio;
  for (const summary of summaries) {
    if (summary.sample) summary.peers = portfolioPlace(summary.sample, summary.focusStage, reference);
  }

  const summaryPath = join(options.out, 'summary.json');
  await writeOutput(summaryPath, summaryJson(summaries, { generatedAt, outDir: options.out }));
  await writeOutput(join(options.out, 'summary.csv'), summaryCsv(summaries));
  process.stdout.write(summaryTable(summaries, t));

  const failed = summaries.filter((summary) => summary.status === 'failed').length;
  const belowGate = summaries.filter((summary) => summary.status === 'below-gate').length;
  if (!options.quiet) {
    process.stderr.write(
      `${t('batch.done', { total: summaries.length, ok: summaries.length - failed - belowGate, belowGate, failed, path: summaryPath })}\n`,
    );
  }
  if (failed > 0) process.exitCode = EXIT_CANNOT_RUN;
  else if (belowGate > 0) process.exitCode = EXIT_GATE_FAILED;
  // A signal while the summary was written: it was finished (milliseconds), and the run says it was stopped.
  if (signal.aborted) await reportStopped(options.out, t, false);
}
