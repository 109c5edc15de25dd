// The Report is the product's contract (CLI.md "The report"): the JSON report is this object
// serialised, and every formatter is a function from it to text. Money is in yuan with two
// decimals, shares and rates are fractions 0..1, scores are integers 0..100, and every field is
// present in every report, null where it was not measured.

import type { Lang } from '../i18n/index.js';
import type {
  CheckResult,
  FactorRatios,
  Severity,
  StageItemKey,
  StageItemTally,
  StageKey,
  StageStatus,
  VerdictBasis,
  WeakestFactor,
} from '../diagnosis/types.js';
import type { Delimiter, Encoding, InputKind } from '../ingest/types.js';
import type { ReportMetrics, ReportSessionMetrics } from './metrics.js';

export type { ReportMetrics, ReportSessionMetrics } from './metrics.js';

/**
 * 1.1.0 added sessionMedian, stageHealth, sessions[].factors and the STAGE items' basis.
 * 1.2.0 added the plan, coverage and peer benchmarks, next steps' ids, metrics.liveFunnel,
 * metrics.creatorsByGmv and metrics.productsByGmv (what diff's attribution and the trend read);
 * inputs[].format/delimiter/sheet/giftLines/paidThenRefundedLines, the settlement kind, UTF-16
 * encodings, metrics.commission/gmvPerCommission.
 */
export const SCHEMA_VERSION = '1.2.0';

export interface ReportIssue {
  line: number;
  column: string | null;
  value: string | null;
  message: string;
}

export interface ReportInput {
  kind: InputKind;
  path: string;
  encoding: Encoding;
  format: 'csv' | 'xlsx';
  delimiter: Delimiter | null;
  sheet: string | null;
  headerLine: number;
  rows: number;
  giftLines: number;
  paidThenRefundedLines: number;
  skippedRows: number;
  duplicateRows: number;
  excludedRows: number;
  firstAt: string | null;
  lastAt: string | null;
  columns: Record<string, string>;
  ignoredColumns: string[];
  issues: ReportIssue[];
  issueCount: number;
}

export interface ReportCheck {
  id: string;
  label: string;
  value: number | null;
  target: number;
  targetMax: number | null;
  comparison: 'atLeast' | 'atMost' | 'between';
  unit: string;
  result: CheckResult;
  /** The days the threshold holds over and the period's, when the period was too short to judge a miss. */
  window: { days: number; periodDays: number } | null;
  /** Where the value stands among brands like this one (`--benchmarks`); null without a benchmark. */
  peer: ReportPeer | null;
}

/** One check against the consultant's own portfolio (PLAN.md §3). */
export interface ReportPeer {
  median: number;
  /** p75 for higher-is-better metrics, p25 for lower-is-better ones. */
  excellent: number;
  /** 0..100: 100 × (values worse + ½ × values equal) ÷ n. */
  percentile: number;
  /** Brands in the group with a value for this metric. */
  n: number;
}

/** The benchmark group a report was compared with. */
export interface ReportBenchmark {
  group: { level: 'category-band' | 'category' | 'all'; category: string | null; band: string | null };
  /** Brands in that group. */
  brands: number;
  fileHash: string;
}

export interface ReportFinding {
  id: string;
  severity: Severity;
  text: string;
}

export interface ReportStage {
  key: StageKey;
  letter: string;
  order: number;
  name: string;
  score: number | null;
  status: StageStatus;
  statusText: string;
  isFocus: boolean;
  evidence: string;
  checks: ReportCheck[];
  findings: ReportFinding[];
  nextSteps: string[];
}

export interface ReportStageItem {
  result: CheckResult;
  evidence: string[];
  /** What the result rests on: the session's data, the checklist answers, both, or neither. */
  basis: VerdictBasis;
}

export interface ReportSession {
  liveId: string;
  account: string | null;
  startAt: string | null;
  /** The session's metrics, money in yuan. */
  metrics: ReportSessionMetrics;
  stage: Record<StageItemKey, ReportStageItem>;
  score: number | null;
  /** Viewers, conversion and AOV ÷ the brand's median session's; null when not all measured. */
  factors: FactorRatios | null;
  weakestFactor: WeakestFactor | null;
}

/** The brand's median session, AOV in yuan. */
export interface ReportSessionMedian {
  viewers: number | null;
  conversion: number | null;
  aov: number | null;
}

export interface ReportStageHealth {
  sessions: number;
  items: Record<StageItemKey, StageItemTally>;
  mostFailed: StageItemKey | null;
  summary: string | null;
}

/** Viewers → buyers → orders over the live sessions; a step the data does not hold is null, never estimated. */
export interface ReportSessionFunnel {
  viewers: number;
  /** viewers × conversion, only when conversion is buyers ÷ viewers (the orders carried buyer ids). */
  buyers: number | null;
  /** The sessions' own orders, when every session has them. */
  orders: number | null;
}

export interface Report {
  schemaVersion: string;
  tool: { name: string; version: string };
  generatedAt: string;
  lang: Lang;
  brand: { name: string; category: string | null };
  period: { from: string | null; to: string | null };
  profile: {
    name: string;
    hash: string;
    thresholds: Record<string, { value: number; max: number | null; source: string }>;
  };
  inputs: ReportInput[];
  unrecognisedInputs: { path: string; message: string }[];
  /** Metrics with money in yuan, under the names report/metrics.ts declares. */
  metrics: ReportMetrics;
  stages: ReportStage[];
  focusStage: StageKey | null;
  overallScore: number | null;
  /** How many of the five stages the data could judge: the overall score is over these alone. */
  coverage: { measuredStages: number; stages: number };
  /** All next steps in the order to act on them: the focus stage first, then adoption order. */
  /** `id` (since 1.2.0) is the next step's stable id, e.g. "E.recruitCreators"; absent in older reports. */
  nextSteps: { stage: StageKey; id?: string; text: string }[];
  brandFindings: ReportFinding[];
  sessions: ReportSession[];
  sessionMedian: ReportSessionMedian | null;
  stageHealth: ReportStageHealth;
  /** The score from which a stage counts as established: the profile's level.established. */
  establishedScore: number;
  /** null without sessions or viewers. */
  sessionFunnel: ReportSessionFunnel | null;
  warnings: string[];
  /** The peer group of `--benchmarks`, null when the run had no benchmark file. */
  benchmark: ReportBenchmark | null;
  /** What to do, ranked: at most three priorities, then the backlog (PLAN.md §1). */
  plan: ReportPlan;
}

export interface ReportPlanItem {
  rank: number;
  /** Stable across runs and languages ("E.recruitForGmv", "brand.shopExperience", "data.traffic"). */
  id: string;
  stage: StageKey | null;
  kind: 'blocker' | 'data' | 'growth' | 'efficiency';
  horizon: 'this-week' | 'this-month' | 'this-quarter';
  text: string;
  why: string;
  checks: string[];
  target: { metric: string; current: number; goal: number; unit: string } | null;
  impact: { gmv: number | null; basis: string } | null;
}

export interface ReportPlan {
  priorities: ReportPlanItem[];
  backlog: ReportPlanItem[];
  dataRequests: { id: string; export: string; unlocks: StageKey[] }[];
}
