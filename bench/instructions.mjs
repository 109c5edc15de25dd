#!/usr/bin/env node
// Instructions a diagnose takes per order line, counted by valgrind (cachegrind, no cache
// simulation): a figure that a busy or shared machine does not move, for changes too small to
// show in wall-clock time there (a few percent). It runs diagnose on one thread over the first
// LINES lines of the benchmark's million-line export, and over its first two lines for the
// start-up, and prints (total − start-up) / LINES. With --vs DIR, the same for the checkout in
// DIR (built, with its own bin/), and the ratio. valgrind is a Debian package (`apt-get install
// valgrind`); nothing here is part of `npm test`.
//
//   npm run build && node bench/instructions.mjs [--lines 100000] [--vs ../other-checkout]
//
// Run `npm run bench` (or `node bench/run.mjs`) once first: it generates the export.

import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIR = join(ROOT, 'bench/out/million/山野食品');
const SOURCE = join(SOURCE_DIR, '快手小店订单导出_20240601-20240630.csv');

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : process.argv[at + 1];
}

const lines = Number(option('--lines', '100000'));
const other = option('--vs', null);
if (!existsSync(SOURCE)) {
  process.stderr.write(`no benchmark export at ${SOURCE}: run node bench/run.mjs first\n`);
  process.exit(2);
}
if (spawnSync('valgrind', ['--version']).status !== 0) {
  process.stderr.write('valgrind is not installed (Debian: apt-get install valgrind)\n');
  process.exit(2);
}

/** A client folder holding the export's title line, header and first `count` order lines. */
async function clientWith(count) {
  const dir = join(ROOT, 'bench/out/instructions', `lines-${count}`, '山野食品');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(SOURCE_DIR, 'brand.json'), join(dir, 'brand.json'));
  const kept = [];
  const reader = createInterface({ input: createReadStream(SOURCE), crlfDelay: Infinity });
  // Physical lines: a quoted name may hold a line break, so cut only where a record ends
  // (an even number of quotes so far).
  let quotes = 0;
  for await (const line of reader) {
    kept.push(line);
    for (const char of line) if (char === '"') quotes++;
    if (quotes % 2 === 0 && kept.length >= count + 2) break;
  }
  reader.close();
  writeFileSync(join(dir, 'orders.csv'), `${kept.join('\n')}\n`);
  return dir;
}

/** Instructions valgrind counted for one diagnose of `dir` with the checkout at `root`. */
function instructions(root, dir) {
  return new Promise((resolveCount, reject) => {
    const child = spawn(
      'valgrind',
      [
        '--tool=cachegrind',
        '--cache-sim=no',
        '--cachegrind-out-file=/dev/null',
        process.execPath,
        join(root, 'bin/steps-doctor.js'),
        'diagnose',
        dir,
        '--json',
        '--quiet',
      ],
      { env: { ...process.env, STEPS_DOCTOR_THREADS: '1' }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', () => {
      const match = /I\s+refs:\s+([\d,]+)/.exec(stderr);
      if (match) resolveCount(Number(match[1].replaceAll(',', '')));
      else reject(new Error(`valgrind gave no count:\n${stderr.slice(-2000)}`));
    });
  });
}

async function perLine(root, big, tiny) {
  // The two counts run side by side: valgrind is single-threaded and slow.
  const [total, startUp] = await Promise.all([instructions(root, big), instructions(root, tiny)]);
  return { total, startUp, perLine: (total - startUp) / lines };
}

const big = await clientWith(lines);
const tiny = await clientWith(2);
process.stderr.write(`counting instructions over ${lines.toLocaleString('en-US')} lines (a few minutes) …\n`);
const mine = await perLine(ROOT, big, tiny);
const g = (count) => `${(count / 1e9).toFixed(2)} G`;
console.log(
  `this checkout: ${Math.round(mine.perLine).toLocaleString('en-US')} instructions a line ` +
    `(${g(mine.total)} in all, ${g(mine.startUp)} start-up)`,
);
if (other !== null) {
  const theirs = await perLine(resolve(other), big, tiny);
  console.log(
    `${other}: ${Math.round(theirs.perLine).toLocaleString('en-US')} instructions a line ` +
      `(${g(theirs.total)} in all, ${g(theirs.startUp)} start-up)`,
  );
  console.log(`ratio per line: ${(mine.perLine / theirs.perLine).toFixed(3)}x`);
}
