#!/usr/bin/env node
// npm run bench: how fast steps-doctor is on a big export, measured against its anchors on the
// same file: csv-parse alone doing a bare parse, and DuckDB computing the same aggregates in one
// SQL query (what a data-savvy consultant would write instead). The kinds of run alternate in one
// session so that a busy machine slows them alike, and one alternation runs beside a CPU-bound
// process (a busy core). Prints one table of medians, CPU seconds, peak RSS and ratios, and writes
// it with every single run to bench/out/results.json.
//
// DuckDB is no dependency of the package: the first run installs @duckdb/node-api into
// bench/out/duckdb/ (git-ignored) with npm, and says so; without a registry its rows are left out.
//
//   npm run bench                  the full benchmark (1,000,000 order lines, a few minutes)
//   node bench/run.mjs --quick     100,000 lines and fewer runs, to try the benchmark itself
//                                  (19 MB: below the size at which diagnose reads with threads)
//
// Data is generated under bench/out/ (git-ignored) from fixed seeds and kept for later runs.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DUCKDB_DIR, DUCKDB_PACKAGE } from './duckdb.mjs';
import { GENERATOR_VERSION, writeOrdersExport, writePortfolio } from './generate.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench/out');
const BIN = join(ROOT, 'bin/steps-doctor.js');
const USAGE_PROBE = join(ROOT, 'bench/usage-probe.cjs');
const PARSE_BASELINE = join(ROOT, 'bench/parse-baseline.mjs');
const DUCKDB = join(ROOT, 'bench/duckdb.mjs');

const quick = process.argv.includes('--quick');
const LINES = quick ? 100_000 : 1_000_000;
const FULL_LINES = quick ? 50_000 : 500_000;
const BIG_RUNS = 3;
const FULL_RUNS = 3;
const BUSY_RUNS = quick ? 1 : 3;
const BATCH_RUNS = 3;
const STARTUP_RUNS = quick ? 10 : 15;
const PORTFOLIO = { clients: 8, seed: 618, lines: quick ? [5_000, 15_000] : [40_000, 120_000] };

// Issue 17's targets: ratios to the bare csv-parse parse and to DuckDB on the same file.
const TARGETS = {
  diagnose: 0.5,
  oneThread: 1.0,
  duckdb: 2.0,
  busyCore: 1.0,
  peakRssMb: 250,
  batch: 0.6,
  version: 2.0,
};

function note(text) {
  process.stderr.write(`${text}\n`);
}

// ---------------------------------------------------------------------------------------------
// Data

const bigDir = join(OUT, quick ? 'quick' : 'million', '山野食品');
const bigFile = join(bigDir, '快手小店订单导出_20240601-20240630.csv');
const portfolioDir = join(OUT, quick ? 'quick-portfolio' : 'portfolio');
const fullDir = join(OUT, quick ? 'quick-full' : 'full', '山野食品');
const fullFile = join(fullDir, '快手小店订单导出_61列_20240601-20240630.csv');
const manifestPath = join(OUT, quick ? 'quick-data.json' : 'data.json');

const BRAND_JSON = `${JSON.stringify({ name: '山野食品', category: 'food', period: { from: '2024-06-01', to: '2024-06-30' } }, null, 2)}\n`;

async function ensureData() {
  const wanted = { generator: GENERATOR_VERSION, lines: LINES, fullLines: FULL_LINES, portfolio: PORTFOLIO };
  if (existsSync(manifestPath) && existsSync(bigFile) && existsSync(fullFile)) {
    const have = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (JSON.stringify(have.wanted) === JSON.stringify(wanted)) return have;
  }
  rmSync(bigDir, { recursive: true, force: true });
  rmSync(portfolioDir, { recursive: true, force: true });
  rmSync(fullDir, { recursive: true, force: true });
  mkdirSync(bigDir, { recursive: true });
  mkdirSync(fullDir, { recursive: true });
  note(`generating ${LINES.toLocaleString('en-US')} order lines …`);
  writeFileSync(join(bigDir, 'brand.json'), BRAND_JSON);
  writeFileSync(join(fullDir, 'brand.json'), BRAND_JSON);
  const big = await writeOrdersExport(bigFile, { lines: LINES, seed: 20240618 });
  note(`generating ${FULL_LINES.toLocaleString('en-US')} lines of the full 61-column export …`);
  const full = await writeOrdersExport(fullFile, { lines: FULL_LINES, seed: 20240618, fullColumns: true });
  note(`generating a portfolio of ${PORTFOLIO.clients} clients …`);
  const clients = await writePortfolio(portfolioDir, PORTFOLIO);
  const manifest = {
    wanted,
    big: { ...big, bytes: statSync(bigFile).size },
    full: { ...full, bytes: statSync(fullFile).size },
    clients,
  };
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

// ---------------------------------------------------------------------------------------------
// DuckDB, installed on demand

function ensureDuckdb() {
  if (existsSync(join(DUCKDB_DIR, 'node_modules/@duckdb/node-api/package.json'))) return true;
  note(`installing ${DUCKDB_PACKAGE} into bench/out/duckdb/ for the DuckDB rows (not a dependency of steps-doctor) …`);
  mkdirSync(DUCKDB_DIR, { recursive: true });
  if (!existsSync(join(DUCKDB_DIR, 'package.json'))) {
    writeFileSync(join(DUCKDB_DIR, 'package.json'), '{ "private": true, "name": "bench-duckdb" }\n');
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['install', '--no-audit', '--no-fund', '--prefix', DUCKDB_DIR, DUCKDB_PACKAGE], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (result.status === 0) return true;
  note(
    `could not install DuckDB (${result.stderr?.toString().trim().split('\n').pop() ?? 'npm failed'}): its rows are left out`,
  );
  return false;
}

// ---------------------------------------------------------------------------------------------
// A busy core: a CPU-bound process beside the measured one, as when another program is running

function withBusyCore(start) {
  return () => {
    const hog = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
    try {
      return start();
    } finally {
      hog.kill('SIGKILL');
    }
  };
}

// ---------------------------------------------------------------------------------------------
// The table

const median = (values) => {
  const sorted = values.filter((value) => value !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const seconds = (runs) => median(runs.map((run) => run.seconds));
const cpuOf = (runs) => median(runs.map((run) => run.cpuSeconds));
const rssOf = (runs) => median(runs.map((run) => run.peakRssMb));

/**
 * One row: `runs` measured, its ratio to `parse` and to `duckdb` (median seconds; null: not
 * shown), and a target on one of: 'parse', 'duckdb', 'rss', 'base' (the ratio to `base`).
 */
function row(what, runs, { parse = null, duckdb = null, base = null, target = null } = {}) {
  const value = seconds(runs);
  const peakRssMb = rssOf(runs);
  const ratio = parse === null ? null : value / parse;
  const vsDuckdb = duckdb === null ? null : value / duckdb;
  const vsBase = base === null ? null : value / base.seconds;
  let result = '';
  let shownTarget = '';
  if (target !== null) {
    const measured = { parse: ratio, duckdb: vsDuckdb, rss: peakRssMb, base: vsBase }[target.on];
    const unit = target.on === 'rss' ? ' MB' : 'x';
    const of = { parse: ' parse', duckdb: ' DuckDB', rss: '', base: ` ${base?.name ?? ''}` }[target.on];
    shownTarget = `<= ${target.value}${unit}${of}`;
    result =
      measured === null ? '' : `${measured <= target.value ? 'pass' : 'miss'} (${formatMeasured(measured, unit)})`;
  }
  return {
    what,
    seconds: value,
    cpuSeconds: cpuOf(runs),
    peakRssMb,
    ratio,
    vsDuckdb,
    vsBase,
    target: shownTarget,
    result,
  };
}

function formatMeasured(value, unit) {
  return unit === ' MB' ? `${Math.round(value)} MB` : `${value.toFixed(2)}x`;
}

function printTable(rows) {
  const ratio = (value) => (value === null ? '' : `${value.toFixed(2)}x`);
  const cells = rows.map((r) => [
    r.what,
    r.seconds.toFixed(2),
    r.cpuSeconds === null ? '' : r.cpuSeconds.toFixed(2),
    r.peakRssMb === null ? '' : `${Math.round(r.peakRssMb)} MB`,
    ratio(r.ratio),
    ratio(r.vsDuckdb),
    r.target,
    r.result,
  ]);
  const header = ['what', 'median s', 'cpu s', 'peak RSS', 'vs parse', 'vs DuckDB', 'target', 'result'];
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((c) => c[i].length)));
  const line = (values) =>
    `| ${values.map((value, i) => (i === 0 || i >= 6 ? value.padEnd(widths[i]) : value.padStart(widths[i]))).join(' | ')} |`;
  console.log(line(header));
  console.log(
    `|${widths.map((width, i) => (i === 0 || i >= 6 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`,
  );
  for (const values of cells) console.log(line(values));
}

// ---------------------------------------------------------------------------------------------

mkdirSync(OUT, { recursive: true });
const manifest = await ensureData();
const haveDuckdb = ensureDuckdb();
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: availableParallelism(),
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  loadBefore: loadavg().map((load) => Number(load.toFixed(2))),
};
const mb = (bytes) => (bytes / 2 ** 20).toFixed(0);
note(
  `${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; load ${machine.loadBefore.join(' ')}\n` +
    `exports: ${manifest.big.lines.toLocaleString('en-US')} lines, ${mb(manifest.big.bytes)} MB; ` +
    `61 columns, ${manifest.full.lines.toLocaleString('en-US')} lines, ${mb(manifest.full.bytes)} MB; ` +
    `portfolio: ${manifest.clients.length} clients`,
);

const diagnoseArgs = (dir) => [BIN, 'diagnose', dir, '--json', '--quiet', '--lang', 'en'];
const ONE_THREAD = { STEPS_DOCTOR_THREADS: '1' };
/** The kinds of run on one export: the anchors, then diagnose on its threads and on one. */
function variantsFor(file, dir) {
  return {
    'csv-parse': () => timed([PARSE_BASELINE, file, '2']),
    ...(haveDuckdb ? { duckdb: () => timed([DUCKDB, file, '2']), 'duckdb 1': () => timed([DUCKDB, file, '1']) } : {}),
    diagnose: () => timed(diagnoseArgs(dir)),
    'diagnose 1': () => timed(diagnoseArgs(dir), ONE_THREAD),
  };
}

note(
  `\n${manifest.big.lines.toLocaleString('en-US')} lines: the anchors and diagnose (${BIG_RUNS} runs each, alternating)`,
);
const big = alternate(variantsFor(bigFile, bigDir), BIG_RUNS);

note(`\n61 columns: the anchors and diagnose (${FULL_RUNS} runs each, alternating)`);
const full = alternate(variantsFor(fullFile, fullDir), FULL_RUNS);

note(`\nbeside a busy core: diagnose against diagnose on one thread (${BUSY_RUNS} runs each, alternating)`);
const busy = alternate(
  {
    diagnose: withBusyCore(() => timed(diagnoseArgs(bigDir))),
    'diagnose 1': withBusyCore(() => timed(diagnoseArgs(bigDir), ONE_THREAD)),
  },
  BUSY_RUNS,
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

function exportRows(runs, label) {
  const parse = seconds(runs['csv-parse']);
  const duckdb = haveDuckdb ? seconds(runs.duckdb) : null;
  const rows = [row(`${label}: csv-parse alone, bare streaming parse`, runs['csv-parse'], { parse, duckdb })];
  if (haveDuckdb) {
    rows.push(row(`${label}: DuckDB, read_csv + the same aggregates, 2 threads`, runs.duckdb, { parse, duckdb }));
    rows.push(row(`${label}: DuckDB, 1 thread`, runs['duckdb 1'], { parse, duckdb }));
  }
  const vsParse = { parse, duckdb };
  rows.push(
    row(`${label}: diagnose --json`, runs.diagnose, { ...vsParse, target: { on: 'parse', value: TARGETS.diagnose } }),
  );
  if (haveDuckdb) {
    rows.push(
      row('  the same, against DuckDB', runs.diagnose, { ...vsParse, target: { on: 'duckdb', value: TARGETS.duckdb } }),
    );
  }
  rows.push(
    row(`${label}: diagnose --json, one thread`, runs['diagnose 1'], {
      ...vsParse,
      target: { on: 'parse', value: TARGETS.oneThread },
    }),
  );
  rows.push(
    row(`${label}: diagnose peak RSS (all threads)`, runs.diagnose, {
      target: { on: 'rss', value: TARGETS.peakRssMb },
    }),
  );
  return rows;
}

const lines = `${(manifest.big.lines / 1e6).toLocaleString('en-US')}M lines`;
const fullLabel = `61 columns, ${(manifest.full.lines / 1e3).toLocaleString('en-US')}k lines`;
const oneThreadBusy = { name: 'one thread', seconds: seconds(busy['diagnose 1']) };
const c1 = { name: '--concurrency 1', seconds: seconds(batch['batch c1']) };
const node0 = { name: 'node -e 0', seconds: seconds(startup['node -e 0']) };
const rows = [
  ...exportRows(big, lines),
  ...exportRows(full, fullLabel),
  row(`busy core, ${lines}: diagnose --json, one thread`, busy['diagnose 1']),
  row(`busy core, ${lines}: diagnose --json`, busy.diagnose, {
    base: oneThreadBusy,
    target: { on: 'base', value: TARGETS.busyCore },
  }),
  row(`batch, ${manifest.clients.length} clients, --concurrency 1`, batch['batch c1']),
  row(`batch, default concurrency (idle cores, at most ${machine.cores})`, batch['batch default'], {
    base: c1,
    target: { on: 'base', value: TARGETS.batch },
  }),
  row('node -e 0', startup['node -e 0']),
  row('steps-doctor --version', startup['--version'], { base: node0, target: { on: 'base', value: TARGETS.version } }),
];

machine.loadAfter = loadavg().map((load) => Number(load.toFixed(2)));
console.log(
  `\nsteps-doctor benchmark: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}`,
);
console.log(
  `exports ${manifest.big.lines.toLocaleString('en-US')} lines / ${mb(manifest.big.bytes)} MB and ` +
    `${manifest.full.lines.toLocaleString('en-US')} lines × 61 columns / ${mb(manifest.full.bytes)} MB; ` +
    `load average ${machine.loadBefore[0]} before, ${machine.loadAfter[0]} after` +
    (haveDuckdb
      ? `; DuckDB ${DUCKDB_PACKAGE} from bench/out/duckdb (installed by the bench)`
      : '; DuckDB not installed') +
    '\n',
);
printTable(rows);

const results = { machine, data: manifest, rows, runs: { big, full, busy, batch, startup } };
writeFileSync(join(OUT, quick ? 'quick-results.json' : 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
note(`\nwrote ${join('bench/out', quick ? 'quick-results.json' : 'results.json')}`);
