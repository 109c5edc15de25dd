#!/usr/bin/env node
// Shows that a change kept the example reports as they were: diagnoses every example brand in
// both languages with the built CLI and compares each JSON report with the one of the same name
// in a folder (<brand>.<lang>.json), e.g. reports saved from an earlier commit.
//
//   npm run build && node scripts/compare-reports.mjs /work/baseline
//   node scripts/compare-reports.mjs --save <folder>      write today's reports there instead
//
// Runs from the repository root with relative paths (examples/<brand>), as the reports
// in /work/baseline were made, because messages quote the path they were given.
// generatedAt differs run to run and is ignored; so is every key that only the new report has
// (added fields are allowed). Anything else that differs — a value, a missing key, an array's
// length — is printed with its path, and the script exits 1.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin/steps-doctor.js');
const EXAMPLES = join(ROOT, 'examples');
const LANGS = ['en', 'zh'];
const IGNORED_KEYS = new Set(['generatedAt']);
const MAX_LINES_PER_REPORT = 40;

function exampleBrands() {
  return readdirSync(EXAMPLES)
    .filter((name) => statSync(join(EXAMPLES, name)).isDirectory())
    .sort();
}

function diagnoseJson(brand, lang) {
  const run = spawnSync(process.execPath, [BIN, 'diagnose', `examples/${brand}`, '--json', '--lang', lang], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  // diagnose exits 0 or with a finding-level code; only a run without JSON is a failure here.
  try {
    return JSON.parse(run.stdout);
  } catch {
    throw new Error(`diagnose ${brand} --lang ${lang} printed no JSON (exit ${run.status}): ${run.stderr.trim()}`);
  }
}

function describe(value) {
  const text = JSON.stringify(value);
  return text === undefined ? 'undefined' : text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Differences of `actual` from `expected`, as path: expected → actual lines; keys only in `actual` pass. */
function differences(expected, actual, path, out) {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return out.push(`${path}: array ${describe(expected)} → ${describe(actual)}`);
    if (expected.length !== actual.length) out.push(`${path}: length ${expected.length} → ${actual.length}`);
    const shared = Math.min(expected.length, actual.length);
    for (let i = 0; i < shared; i += 1) differences(expected[i], actual[i], `${path}[${i}]`, out);
    return out;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
      return out.push(`${path}: object → ${describe(actual)}`);
    }
    for (const key of Object.keys(expected)) {
      if (IGNORED_KEYS.has(key)) continue;
      const child = path ? `${path}.${key}` : key;
      if (!(key in actual)) out.push(`${child}: missing (was ${describe(expected[key])})`);
      else differences(expected[key], actual[key], child, out);
    }
    return out;
  }
  if (!Object.is(expected, actual)) out.push(`${path}: ${describe(expected)} → ${describe(actual)}`);
  return out;
}

function usage(message) {
  if (message) console.error(message);
  console.error('usage: node scripts/compare-reports.mjs <folder of <brand>.<lang>.json>');
  console.error('       node scripts/compare-reports.mjs --save <folder>');
  process.exit(2);
}

const args = process.argv.slice(2);
const save = args[0] === '--save';
const folder = save ? args[1] : args[0];
if (!folder || args.length !== (save ? 2 : 1)) usage();
if (!existsSync(BIN) || !existsSync(join(ROOT, 'dist'))) usage('Build first: npm run build');

if (save) {
  mkdirSync(folder, { recursive: true });
  for (const brand of exampleBrands()) {
    for (const lang of LANGS) {
      const file = join(folder, `${brand}.${lang}.json`);
      writeFileSync(file, `${JSON.stringify(diagnoseJson(brand, lang), null, 2)}\n`);
      console.log(`wrote ${file}`);
    }
  }
  process.exit(0);
}

let changed = 0;
let compared = 0;
for (const brand of exampleBrands()) {
  for (const lang of LANGS) {
    const file = join(folder, `${brand}.${lang}.json`);
    if (!existsSync(file)) {
      console.log(`${brand}.${lang}: no ${file} to compare with`);
      changed += 1;
      continue;
    }
    const expected = JSON.parse(readFileSync(file, 'utf8'));
    const found = differences(expected, diagnoseJson(brand, lang), '', []);
    compared += 1;
    if (found.length === 0) {
      console.log(`${brand}.${lang}: unchanged`);
      continue;
    }
    changed += 1;
    console.log(`${brand}.${lang}: ${found.length} difference(s)`);
    for (const line of found.slice(0, MAX_LINES_PER_REPORT)) console.log(`  ${line}`);
    if (found.length > MAX_LINES_PER_REPORT) console.log(`  … and ${found.length - MAX_LINES_PER_REPORT} more`);
  }
}
console.log(changed === 0 ? `All ${compared} reports unchanged (added fields aside).` : `${changed} report(s) differ.`);
process.exit(changed === 0 ? 0 : 1);
