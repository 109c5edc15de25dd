// One client folder, the whole way down: ingest → metrics → diagnosis → report.
// The CLI's diagnose, demo and batch (in its workers) all come through here.

import { availableParallelism } from 'node:os';
import { relative, resolve, sep } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { peerLookup, withBenchmark } from './benchmarks/apply.js';
import { gmvBand, peerCategory } from './benchmarks/sample.js';
import type { LoadedBenchmarks } from './benchmarks/file.js';
import { diagnose } from './diagnosis/engine.js';
import { loadProfile } from './diagnosis/profiles.js';
import { checklistQuestionIds } from './diagnosis/stage-items/index.js';
import type { Lang } from './i18n/index.js';
import { readFolderChecklist } from './ingest/checklist.js';
import { assertDiagnosableFolder, ingest, loadBrand, type FileReader } from './ingest/index.js';
import { parallelFileReader } from './ingest/parallel/index.js';
import type { BrandConfig, IngestResult, InputKind } from './ingest/types.js';
import { createMetricsAccumulator, type MetricsAccumulator, type MetricsState } from './metrics/index.js';
import type { Metrics } from './metrics/types.js';
import { buildReport } from './report/build.js';
import type { Report } from './report/types.js';
import { TOOL_NAME, toolVersion } from './version.js';

/** What to read from a client folder: the part of a run that ends with the metrics. */
export interface MeasureOptions {
  dir: string;
  overrides?: Partial<Record<InputKind, string[]>>;
  columnsFile?: string | null;
  strict?: boolean;
  lenient?: boolean;
  /** --password, for locked workbooks; brand.json's exportPassword when absent. */
  password?: string | null;
  period?: { from: string; to: string; fromMs: number; toMs: number } | null;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /**
   * Threads to read one big orders export with (1: one pass). By default every core, up to
   * MAX_READ_THREADS; STEPS_DOCTOR_THREADS overrides that; inside a worker thread (batch,
   * where the cores already have a client each) one.
   */
  threads?: number | null;
}

export interface PipelineOptions extends MeasureOptions {
  lang: Lang;
  profile?: string | null;
  generatedAt?: string;
  /** The consultant's peer benchmarks (`--benchmarks`): each check gets its peer figures. */
  benchmarks?: LoadedBenchmarks | null;
}

const MAX_READ_THREADS = 8;

function readThreads(requested: number | null | undefined): number {
  if (requested !== undefined && requested !== null) return Math.max(1, Math.floor(requested));
  if (!isMainThread) return 1;
  const fromEnvironment = Number.parseInt(process.env.STEPS_DOCTOR_THREADS ?? '', 10);
  if (Number.isFinite(fromEnvironment) && fromEnvironment >= 1) return fromEnvironment;
  return Math.min(availableParallelism(), MAX_READ_THREADS);
}

/** Reads big orders exports on several threads, each worker accumulating metrics of its own. */
function fileReader(
  threads: number,
  brand: BrandConfig,
  period: PipelineOptions['period'],
  accumulator: MetricsAccumulator,
): FileReader | undefined {
  if (threads < 2) return undefined;
  return parallelFileReader({
    threads,
    sink: {
      module: new URL('./metrics/index.js', import.meta.url).href,
      exportName: 'createMetricsAccumulator',
      args: [brand, period ?? null],
    },
    merge: (state) => accumulator.merge(state as MetricsState),
  });
}

/** Paths inside the client folder are reported relative to it, so a report does not depend on where the folder sits. */
function relativeTo(dir: string): (path: string) => string {
  const root = resolve(dir);
  return (path) => {
    const absolute = resolve(path);
    const inside = relative(root, absolute);
    if (inside && !inside.startsWith('..') && !inside.startsWith(sep)) return inside.split(sep).join('/');
    return absolute;
  };
}

/** ingest → metrics for one client folder (the brand is loaded by the caller, once). */
export async function measureFolder(
  options: MeasureOptions,
  brand: BrandConfig,
): Promise<{ ingested: IngestResult; metrics: Metrics }> {
  const accumulator = createMetricsAccumulator(brand, options.period ?? null);
  const ingested = await ingest(
    {
      dir: options.dir,
      overrides: options.overrides,
      columnsFile: options.columnsFile ?? null,
      strict: options.strict,
      lenient: options.lenient,
      password: options.password ?? null,
      period: options.period ?? null,
      onProgress: options.onProgress,
      readFile: fileReader(readThreads(options.threads), brand, options.period, accumulator),
      brand,
    },
    accumulator,
  );
  return { ingested, metrics: accumulator.finish() };
}

export async function diagnoseFolder(options: PipelineOptions): Promise<Report> {
  // Before brand.json: a CSV file given as the folder otherwise fails as "brand.json: ENOTDIR".
  await assertDiagnosableFolder(options.dir, options.overrides);
  const brand = await loadBrand(options.dir);
  const profile = await loadProfile(options.profile ?? null, brand.profile, brand.category);
  // Read before the exports: a broken checklist should stop the run before minutes of parsing.
  const checklist = await readFolderChecklist(options.dir, checklistQuestionIds());
  const { ingested, metrics } = await measureFolder(options, brand);
  const peers = options.benchmarks
    ? peerLookup(options.benchmarks, {
        category: peerCategory(ingested.brand.category),
        band: gmvBand(metrics.gmvFen / 100, metrics.period.days),
      })
    : null;
  const diagnosis = diagnose(metrics, ingested.brand, profile, checklist.answers, peers);
  const relativePath = relativeTo(options.dir);
  const report = buildReport({
    ingest: ingested,
    metrics,
    diagnosis,
    lang: options.lang,
    tool: { name: TOOL_NAME, version: toolVersion() },
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    relativePath,
    warnings: checklist.unread.map((path) => ({ key: 'checklist.yamlNotRead', params: { file: relativePath(path) } })),
  });
  return options.benchmarks ? withBenchmark(report, options.benchmarks) : report;
}
