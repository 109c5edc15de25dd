#!/usr/bin/env node
// Diagnoses the four example brands in both languages with the built CLI and compares each JSON
// report with the one of the same name in a reference folder (default /work/baseline, or the
// first argument). Keys the reference lacks are allowed (fields added since); generatedAt and
// schemaVersion are ignored; anything else that differs is printed with its path, and the exit
// code is 1.
//
//   npm run build && node scripts/compare-reports.mjs [reference-folder]

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reference = process.argv[2] ?? '/work/baseline';
const brands = ['xinya-tea', 'shanye-snacks', 'huaxi-beauty', 'jiangnan-home'];
// generatedAt differs on every run; schemaVersion moves when fields are added (1.2.0: plan, coverage, peers).
const IGNORED = new Set(['generatedAt', 'schemaVersion']);

function differences(expected, actual, path, out) {
  if (expected === null || typeof expected !== 'object') {
    if (!Object.is(expected, actual)) out.push(`${path}: ${JSON.stringify(expected)} → ${JSON.stringify(actual)}`);
    return;
  }
  if (actual === null || typeof actual !== 'object' || Array.isArray(expected) !== Array.isArray(actual)) {
    out.push(`${path}: ${JSON.stringify(expected).slice(0, 120)} → ${JSON.stringify(actual).slice(0, 120)}`);
    return;
  }
  if (Array.isArray(expected) && expected.length !== actual.length) {
    out.push(`${path}: ${expected.length} items → ${actual.length}`);
  }
  for (const key of Object.keys(expected)) {
    if (IGNORED.has(key)) continue;
    differences(expected[key], actual[key], `${path}.${key}`, out);
  }
}

let failed = 0;
for (const brand of brands) {
  for (const lang of ['zh', 'en']) {
    const file = join(reference, `${brand}.${lang}.json`);
    if (!existsSync(file)) {
      console.log(`skip ${brand}.${lang}: no ${file}`);
      continue;
    }
    const output = execFileSync(
      process.execPath,
      ['bin/steps-doctor.js', 'diagnose', `examples/${brand}`, '--json', '--lang', lang],
      // From the repository root, so that paths in messages read as the reference's do.
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const out = [];
    differences(JSON.parse(readFileSync(file, 'utf8')), JSON.parse(output), '$', out);
    if (out.length === 0) {
      console.log(`same ${brand}.${lang}`);
      continue;
    }
    failed += 1;
    console.log(`DIFF ${brand}.${lang}`);
    for (const line of out.slice(0, 20)) console.log(`  ${line}`);
    if (out.length > 20) console.log(`  … ${out.length - 20} more`);
  }
}
process.exit(failed === 0 ? 0 : 1);
