// One client folder, the whole way down: ingest → metrics → diagnosis → report.
// The CLI's diagnose, demo and batch (in its workers) all come through here.

import { availableParallelism } from 'node:os';
import { relative, resolve, sep } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { diagnose } from './diagnosis/engine.js';
import { loadProfile } from './diagnosis/profiles.js';
import { checklistQuestionIds } from './diagnosis/stage-items/index.js';
import type { Lang } from './i18n/index.js';
import { readFolderChecklist } from './ingest/checklist.js';
import { ingest, loadBrand, type FileReader } from './ingest/index.js';
import { parallelFileReader } from './ingest/parallel/index.js';
import type { BrandConfig, InputKind } from './ingest/types.js';
import { createMetricsAccumulator, type MetricsAccumulator, type MetricsState } from './metrics/index.js';
import { buildReport } from './report/build.js';
import type { Report } from './report/types.js';
import { TOOL_NAME, toolVersion } from './version.js';

export interface PipelineOptions {
  dir: string;
  lang: Lang;
  overrides?: Partial<Record<InputKind, string[]>>;
  columnsFile?: string | null;
  strict?: boolean;
  lenient?: boolean;
  period?: { from: string; to: string; fromMs: number; toMs: number } | null;
  profile?: string | null;
  generatedAt?: string;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /**
   * Threads to read one big orders export with (1: one pass). By default every core, up to
   * MAX_READ_THREADS; STEPS_DOCTOR_THREADS overrides that; inside a worker thread (batch,
   * where the cores already have a client each) one.
   */
  threads?: number | null;
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

export async function diagnoseFolder(options: PipelineOptions): Promise<Report> {
  const brand = await loadBrand(options.dir);
  const profile = await loadProfile(options.profile ?? null, brand.profile, brand.category);
  // Read before the exports: a broken checklist should stop the run before minutes of parsing.
  const checklist = await readFolderChecklist(options.dir, checklistQuestionIds());
  const accumulator = createMetricsAccumulator(brand, options.period ?? null);
  const ingested = await ingest(
    {
      dir: options.dir,
      overrides: options.overrides,
      columnsFile: options.columnsFile ?? null,
      strict: options.strict,
      lenient: options.lenient,
      period: options.period ?? null,
      onProgress: options.onProgress,
      readFile: fileReader(readThreads(options.threads), brand, options.period, accumulator),
    },
    accumulator,
  );
  const metrics = accumulator.finish();
  const diagnosis = diagnose(metrics, ingested.brand, profile, checklist.answers);
  const relativePath = relativeTo(options.dir);
  return buildReport({
    ingest: ingested,
    metrics,
    diagnosis,
    lang: options.lang,
    tool: { name: TOOL_NAME, version: toolVersion() },
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    clientDir: options.dir,
    relativePath,
    warnings: checklist.unread.map((path) => ({ key: 'checklist.yamlNotRead', params: { file: relativePath(path) } })),
  });
}
