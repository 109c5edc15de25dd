#!/usr/bin/env node
// Where diagnose spends its time on the benchmark's million-line export: runs it under
// `node --cpu-prof` (one thread, then the default) and sums each thread's profile by area.
// Run `npm run bench` (or `node bench/run.mjs`) once first: it generates the export.
//
//   npm run build && node bench/profile.mjs [--quick]

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const clientDir = join(ROOT, 'bench/out', quick ? 'quick' : 'million', '山野食品');
if (!existsSync(clientDir)) {
  process.stderr.write(`no benchmark data in ${clientDir}: run node bench/run.mjs${quick ? ' --quick' : ''} first\n`);
  process.exit(2);
}

/** Areas in the order they are tried; a sample goes to the first whose test matches its frame. */
const AREAS = [
  [
    'csv-parse (its byte loop and the cell strings)',
    (url, name) =>
      url.includes('/csv-parse/') ||
      (url === '' && name === 'utf8Slice') ||
      (url === 'node:buffer' && ['slice', 'toString', 'getEncodingOps'].includes(name)),
  ],
  [
    'reading and decoding bytes',
    (url) => /dist\/ingest\/(csv|decode)\.js/.test(url) || /^node:(internal\/)?(fs|streams|events)/.test(url),
  ],
  ['duplicate fingerprints', (url) => url.includes('dist/ingest/dedupe.js')],
  ['row normalising', (url) => url.includes('dist/ingest/')],
  ['metrics: key lookups', (url) => /dist\/metrics\/(keys|registry)\.js/.test(url)],
  ['metrics: aggregation and merging', (url) => url.includes('dist/metrics/')],
  ['diagnosis and report', (url) => /dist\/(diagnosis|report|i18n|cli)\//.test(url)],
  ['garbage collector', (url, name) => name === '(garbage collector)'],
  ['waiting', (url, name) => name === '(idle)' || name === '(program)'],
];

function byArea(profile) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const seconds = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id);
    const delta = (profile.timeDeltas[i] ?? 0) / 1e6;
    total += delta;
    const area = AREAS.find(([, test]) => test(frame.url, frame.functionName))?.[0] ?? 'other';
    seconds.set(area, (seconds.get(area) ?? 0) + delta);
  });
  return { total, areas: [...seconds].sort((a, b) => b[1] - a[1]) };
}

for (const [label, env] of [
  ['one thread', { STEPS_DOCTOR_THREADS: '1' }],
  ['default', {}],
]) {
  const dir = join(ROOT, 'bench/out/profiles', label.replace(' ', '-'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const run = spawnSync(
    process.execPath,
    [
      '--cpu-prof',
      '--cpu-prof-dir',
      dir,
      join(ROOT, 'bin/steps-doctor.js'),
      'diagnose',
      clientDir,
      '--json',
      '--quiet',
    ],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (run.status !== 0) process.exit(run.status ?? 1);
  // One profile per thread, the main thread's first.
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .sort();
  files.forEach((file, thread) => {
    const { total, areas } = byArea(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    console.log(
      `\ndiagnose, ${label}: ${thread === 0 ? 'main thread' : `worker ${thread}`}, ${total.toFixed(2)} s sampled`,
    );
    for (const [area, spent] of areas) {
      console.log(`  ${((spent / total) * 100).toFixed(1).padStart(5)}%  ${spent.toFixed(2).padStart(6)} s  ${area}`);
    }
  });
  console.log(`  (profiles in ${dir})`);
}
