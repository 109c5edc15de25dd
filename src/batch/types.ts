import type { LoadedBenchmarks } from '../benchmarks/file.js';
import type { PortfolioPlace } from '../benchmarks/portfolio.js';
import type { BenchmarkSample } from '../benchmarks/types.js';
import type { StageKey } from '../diagnosis/types.js';
import type { Lang } from '../i18n/index.js';
import type { FormatName } from '../report/formatters/index.js';

/** What one worker is asked to do for one client folder. */
export interface ClientJob {
  client: string;
  dir: string;
  outDir: string;
  formats: FormatName[];
  lang: Lang;
  profile: string | null;
  strict: boolean;
  lenient: boolean;
  period: { from: string; to: string; fromMs: number; toMs: number } | null;
  generatedAt: string;
  /** `--benchmarks`: every client's checks get their peer figures from it. */
  benchmarks: LoadedBenchmarks | null;
}

export type ClientStatus = 'ok' | 'below-gate' | 'failed';

/** One row of the portfolio summary. */
export interface ClientSummary {
  client: string;
  brand: string | null;
  status: ClientStatus;
  /** Why it failed, in the run's language (null unless failed). */
  reason: string | null;
  scores: Record<StageKey, number | null>;
  focusStage: StageKey | null;
  overallScore: number | null;
  files: string[];
  elapsedMs: number;
  /** Where the client stands among its peers; null without a benchmark group for it. */
  peers: PortfolioPlace | null;
  /** The finished report's benchmark sample (kept for benchmarks.json, not written to the summary). */
  sample: BenchmarkSample | null;
}

export type WorkerReply =
  | {
      ok: true;
      client: string;
      brand: string;
      scores: Record<StageKey, number | null>;
      focusStage: StageKey | null;
      overallScore: number | null;
      files: string[];
      elapsedMs: number;
      /** What the report contributes to the portfolio's benchmarks (the brand name stays in memory). */
      sample: BenchmarkSample;
    }
  | { ok: false; client: string; reason: string; elapsedMs: number };
