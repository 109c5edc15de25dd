// What `benchmark` does once commander has parsed the options: find the reports, read and
// validate each, keep each brand's latest period, and write the anonymous benchmark file.

import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { matchesGlob } from '../check/glob.js';
import { readReport } from '../diff/run.js';
import { UserError } from '../errors.js';
import { allMessages } from '../i18n/catalogs/index.js';
import { translator, type Lang } from '../i18n/index.js';
import { loadReportValidator } from '../report/schema.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { buildBenchmarks, DEFAULT_MIN_GROUP_SIZE } from './build.js';
import { benchmarksJson } from './file.js';
import { sampleFromReport } from './sample.js';

export interface BenchmarkSettings {
  lang: Lang;
  out: string;
  minGroupSize?: number;
  quiet?: boolean;
  generatedAt?: string;
}

const REPORT_FILE = 'report.json';
/** A batch output folder nests one level (OUT/client/report.json); a folder of batches, two. */
const MAX_FOLDER_DEPTH = 4;

async function reportsInFolder(folder: string, depth: number): Promise<string[]> {
  if (depth > MAX_FOLDER_DEPTH) return [];
  const entries = await readdir(folder, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.')) found.push(...(await reportsInFolder(path, depth + 1)));
    else if (entry.isFile() && entry.name === REPORT_FILE) found.push(path);
  }
  return found;
}

/** A quoted pattern such as "out/*.json" (the shell did not expand it): `*` and `?` in the last part. */
async function expandPattern(pattern: string): Promise<string[]> {
  const folder = dirname(pattern);
  const names = await readdir(folder).catch(() => [] as string[]);
  return names
    .filter((name) => matchesGlob(basename(pattern), name))
    .sort()
    .map((name) => join(folder, name));
}

/** Files as given, folders searched for report.json, unexpanded patterns expanded. */
export async function findReports(paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    if (/[*?]/.test(basename(path))) {
      for (const match of await expandPattern(path)) found.push(...(await findReports([match])));
      continue;
    }
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) found.push(...(await reportsInFolder(path, 0)));
    else found.push(path);
  }
  return [...new Set(found)];
}

export async function runBenchmark(paths: readonly string[], settings: BenchmarkSettings): Promise<void> {
  const t = translator(allMessages, settings.lang);
  const files = await findReports(paths);
  if (files.length === 0) throw new UserError({ key: 'benchmark.noReports', params: { paths: paths.join(', ') } });
  const validate = await loadReportValidator();
  const samples = [];
  for (const file of files) samples.push(sampleFromReport(await readReport(file, validate, 'benchmark')));
  const minGroupSize = settings.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
  const benchmarks = buildBenchmarks(samples, {
    minGroupSize,
    generatedAt: settings.generatedAt ?? new Date().toISOString(),
  });
  await writeFileAtomic(settings.out, benchmarksJson(benchmarks)).catch((error: NodeJS.ErrnoException) => {
    if (typeof error.code !== 'string') throw error;
    throw new UserError({ key: 'cli.cannotWrite', params: { file: settings.out, detail: error.code } });
  });
  if (settings.quiet) return;
  const brands = new Set(samples.map((sample) => sample.brand)).size;
  process.stderr.write(
    `${t('benchmark.wrote', {
      path: settings.out,
      groups: benchmarks.groups.length,
      brands,
      withheld: benchmarks.withheld.length,
      min: minGroupSize,
    })}\n`,
  );
}
