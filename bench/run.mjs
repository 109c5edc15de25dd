#!/usr/bin/env node
// npm run bench: how fast steps-doctor is on a big export, measured against csv-parse alone
// parsing the same file (the floor no one-thread reader gets under), with the kinds of run
// alternating in one session so that a busy machine slows them alike. Prints one table of
// medians, CPU seconds and ratios, and writes it with every single run to bench/out/results.json.
//
//   npm run bench                  the full benchmark (1,000,000 order lines, a few minutes)
//   node bench/run.mjs --quick     100,000 lines and fewer runs, to try the benchmark itself
//                                  (19 MB: below the size at which diagnose reads with threads)
//
// Data is generated under bench/out/ (git-ignored) from fixed seeds and kept for later runs.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATOR_VERSION, writeOrdersExport, writePortfolio } from './generate.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench/out');
const BIN = join(ROOT, 'bin/steps-doctor.js');
const USAGE_PROBE = join(ROOT, 'bench/usage-probe.cjs');
const PARSE_BASELINE = join(ROOT, 'bench/parse-baseline.mjs');

const quick = process.argv.includes('--quick');
const LINES = quick ? 100_000 : 1_000_000;
const BIG_RUNS = quick ? 3 : 5;
const BATCH_RUNS = 3;
const STARTUP_RUNS = quick ? 10 : 15;
const PORTFOLIO = { clients: 8, seed: 618, lines: quick ? [5_000, 15_000] : [40_000, 120_000] };

const TARGETS = {
  diagnose: 1.3,
  stretch: 1.0,
  peakRssMb: 300,
  batch: 0.7,
  version: 2.5,
};

function note(text) {
  process.stderr.write(`${text}\n`);
}

// ---------------------------------------------------------------------------------------------
// Data

const bigDir = join(OUT, quick ? 'quick' : 'million', '山野食品');
const bigFile = join(bigDir, '快手小店订单导出_20240601-20240630.csv');
const portfolioDir = join(OUT, quick ? 'quick-portfolio' : 'portfolio');
const manifestPath = join(OUT, quick ? 'quick-data.json' : 'data.json');

async function ensureData() {
  const wanted = { generator: GENERATOR_VERSION, lines: LINES, portfolio: PORTFOLIO };
  if (existsSync(manifestPath) && existsSync(bigFile)) {
    const have = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (JSON.stringify(have.wanted) === JSON.stringify(wanted)) return have;
  }
  rmSync(bigDir, { recursive: true, force: true });
  rmSync(portfolioDir, { recursive: true, force: true });
  mkdirSync(bigDir, { recursive: true });
  note(`generating ${LINES.toLocaleString('en-US')} order lines …`);
  writeFileSync(
    join(bigDir, 'brand.json'),
    `${JSON.stringify({ name: '山野食品', category: 'food', period: { from: '2024-06-01', to: '2024-06-30' } }, null, 2)}\n`,
  );
  const big = await writeOrdersExport(bigFile, { lines: LINES, seed: 20240618 });
  note(`generating a portfolio of ${PORTFOLIO.clients} clients …`);
  const clients = await writePortfolio(portfolioDir, PORTFOLIO);
  const manifest = { wanted, big: { ...big, bytes: statSync(bigFile).size }, clients };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

// ---------------------------------------------------------------------------------------------
// Running and timing

/** Runs node with `args`; returns wall-clock seconds, CPU seconds and peak RSS (MB) of the whole process. */
function timed(args, env = {}) {
  const usageFile = join(OUT, `usage-${process.pid}.json`);
  rmSync(usageFile, { force: true });
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--require', USAGE_PROBE, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, BENCH_USAGE_FILE: usageFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 << 20,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) {
    throw new Error(`node ${args.join(' ')} exited with ${result.status}:\n${result.stderr?.toString() ?? ''}`);
  }
  const usage = existsSync(usageFile) ? JSON.parse(readFileSync(usageFile, 'utf8')) : null;
  rmSync(usageFile, { force: true });
  return { seconds, cpuSeconds: usage?.cpuSeconds ?? null, peakRssMb: usage === null ? null : usage.maxRssKb / 1024 };
}

/** Runs each of `variants` `runs` times, one of each in turn. */
function alternate(variants, runs) {
  const results = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  for (let run = 1; run <= runs; run++) {
    for (const [name, start] of Object.entries(variants)) {
      const result = start();
      results[name].push(result);
      if (runs <= 5) note(`  ${name} #${run}: ${result.seconds.toFixed(2)} s`);
    }
  }
  return results;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const seconds = (runs) => median(runs.map((run) => run.seconds));

// ---------------------------------------------------------------------------------------------
// The table

function row(what, runs, value, unit, ratio, target, comparison) {
  let result = '';
  if (target !== null) {
    const measured = ratio ?? value;
    result = comparison === '<' ? (measured < target ? 'pass' : 'miss') : measured <= target ? 'pass' : 'miss';
  }
  const cpu = runs === null ? null : median(runs.map((run) => run.cpuSeconds));
  const shownTarget = target === null ? null : `${comparison} ${target}${ratio === null ? ` ${unit}` : 'x'}`;
  return { what, value, unit, cpuSeconds: cpu, ratio, target: shownTarget, result };
}

function printTable(rows) {
  const cells = rows.map((r) => [
    r.what,
    r.unit === 's' ? r.value.toFixed(2) : `${Math.round(r.value)} MB`,
    r.cpuSeconds === null ? '' : r.cpuSeconds.toFixed(2),
    r.ratio === null ? '' : `${r.ratio.toFixed(2)}x`,
    r.target ?? '',
    r.result,
  ]);
  const header = ['what', 'median', 'cpu s', 'ratio', 'target', 'result'];
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((c) => c[i].length)));
  const line = (values) =>
    `| ${values.map((value, i) => (i === 0 ? value.padEnd(widths[i]) : value.padStart(widths[i]))).join(' | ')} |`;
  console.log(line(header));
  console.log(
    `|${widths.map((width, i) => (i === 0 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`,
  );
  for (const values of cells) console.log(line(values));
}

// ---------------------------------------------------------------------------------------------

mkdirSync(OUT, { recursive: true });
const manifest = await ensureData();
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: availableParallelism(),
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  loadBefore: loadavg().map((load) => Number(load.toFixed(2))),
};
const megabytes = (manifest.big.bytes / 2 ** 20).toFixed(0);
note(
  `${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; load ${machine.loadBefore.join(' ')}\n` +
    `export: ${manifest.big.lines.toLocaleString('en-US')} lines, ${megabytes} MB; portfolio: ${manifest.clients.length} clients`,
);

note(`\nbig export: csv-parse alone, diagnose, diagnose on one thread (${BIG_RUNS} runs each, alternating)`);
const diagnoseArgs = [BIN, 'diagnose', bigDir, '--json', '--quiet', '--lang', 'en'];
const big = alternate(
  {
    'csv-parse': () => timed([PARSE_BASELINE, bigFile, '2']),
    diagnose: () => timed(diagnoseArgs),
    'diagnose, one thread': () => timed(diagnoseArgs, { STEPS_DOCTOR_THREADS: '1' }),
  },
  BIG_RUNS,
);

note(`\nportfolio: batch --concurrency 1 against the default (${BATCH_RUNS} runs each, alternating)`);
const batchOut = join(OUT, 'batch-reports');
const batchRun = (extra) => () => {
  rmSync(batchOut, { recursive: true, force: true });
  return timed([BIN, 'batch', portfolioDir, '--out', batchOut, '--quiet', '--lang', 'en', ...extra]);
};
const batch = alternate({ 'batch c1': batchRun(['--concurrency', '1']), 'batch default': batchRun([]) }, BATCH_RUNS);
rmSync(batchOut, { recursive: true, force: true });

note(`\nstart-up: --version against node -e 0 (${STARTUP_RUNS} runs each, alternating)`);
const startup = alternate(
  { 'node -e 0': () => timed(['-e', '0']), '--version': () => timed([BIN, '--version']) },
  STARTUP_RUNS,
);

const parseSeconds = seconds(big['csv-parse']);
const diagnoseSeconds = seconds(big.diagnose);
const oneThreadSeconds = seconds(big['diagnose, one thread']);
const peakRssMb = median(big.diagnose.map((run) => run.peakRssMb));
const oneThreadRssMb = median(big['diagnose, one thread'].map((run) => run.peakRssMb));
const c1Seconds = seconds(batch['batch c1']);
const defaultSeconds = seconds(batch['batch default']);
const nodeSeconds = seconds(startup['node -e 0']);
const versionSeconds = seconds(startup['--version']);
const lines = `${(manifest.big.lines / 1e6).toLocaleString('en-US')}M lines`;

const rows = [
  row(`csv-parse alone, bare streaming parse, ${lines}`, big['csv-parse'], parseSeconds, 's', 1, null),
  row(
    `diagnose --json, ${lines}`,
    big.diagnose,
    diagnoseSeconds,
    's',
    diagnoseSeconds / parseSeconds,
    TARGETS.diagnose,
    '<=',
  ),
  row(
    '  stretch: below the bare parse',
    null,
    diagnoseSeconds,
    's',
    diagnoseSeconds / parseSeconds,
    TARGETS.stretch,
    '<',
  ),
  row(
    'diagnose --json, one thread',
    big['diagnose, one thread'],
    oneThreadSeconds,
    's',
    oneThreadSeconds / parseSeconds,
    null,
  ),
  row('diagnose peak RSS (all threads)', null, peakRssMb, 'MB', null, TARGETS.peakRssMb, '<'),
  row('diagnose peak RSS, one thread', null, oneThreadRssMb, 'MB', null, null),
  row(`batch, ${manifest.clients.length} clients, --concurrency 1`, batch['batch c1'], c1Seconds, 's', 1, null),
  row(
    `batch, default concurrency (${machine.cores})`,
    batch['batch default'],
    defaultSeconds,
    's',
    defaultSeconds / c1Seconds,
    TARGETS.batch,
    '<=',
  ),
  row('node -e 0', startup['node -e 0'], nodeSeconds, 's', 1, null),
  row(
    'steps-doctor --version',
    startup['--version'],
    versionSeconds,
    's',
    versionSeconds / nodeSeconds,
    TARGETS.version,
    '<=',
  ),
];

machine.loadAfter = loadavg().map((load) => Number(load.toFixed(2)));
console.log(
  `\nsteps-doctor benchmark: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}`,
);
console.log(
  `export ${manifest.big.lines.toLocaleString('en-US')} lines / ${megabytes} MB; load average ${machine.loadBefore[0]} before, ${machine.loadAfter[0]} after\n`,
);
printTable(rows);

const results = {
  machine,
  data: manifest,
  rows,
  runs: { big, batch, startup },
};
writeFileSync(join(OUT, quick ? 'quick-results.json' : 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
note(`\nwrote ${join('bench/out', quick ? 'quick-results.json' : 'results.json')}`);
