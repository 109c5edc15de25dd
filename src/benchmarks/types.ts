// The benchmark file (PLAN.md §3): quantiles of the consultant's own portfolio, grouped by
// category and GMV band, with no identity in it. It is built from finished reports, never rows.

/** GMV per 30 days, yuan: the bands brands are compared within. */
export type GmvBand = '<100k' | '100k-1m' | '1m-10m' | '>=10m';
export const GMV_BANDS: readonly GmvBand[] = ['<100k', '100k-1m', '1m-10m', '>=10m'];

/** From the most specific group to the whole portfolio. */
export type GroupLevel = 'category-band' | 'category' | 'all';
export const GROUP_LEVELS: readonly GroupLevel[] = ['category-band', 'category', 'all'];

export type Direction = 'higher' | 'lower';

export interface MetricStats {
  /** Brands with a value for this metric. */
  n: number;
  p25: number;
  median: number;
  p75: number;
  direction: Direction;
  /** The group's values, ascending, without any identity: the percentile needs them. */
  values: number[];
}

export interface GroupKey {
  level: GroupLevel;
  category: string | null;
  band: GmvBand | null;
}

export interface BenchmarkGroup extends GroupKey {
  brands: number;
  metrics: Record<string, MetricStats>;
}

export interface WithheldGroup extends GroupKey {
  brands: number;
}

export const BENCHMARKS_KIND = 'steps-doctor-benchmarks';
export const BENCHMARKS_SCHEMA_VERSION = '1.0.0';

export interface BenchmarkFile {
  schemaVersion: string;
  kind: typeof BENCHMARKS_KIND;
  generatedAt: string;
  minGroupSize: number;
  groups: BenchmarkGroup[];
  withheld: WithheldGroup[];
}

/**
 * What one finished report contributes. The brand name is held only to count a brand once
 * across periods; it never reaches the file.
 */
export interface BenchmarkSample {
  brand: string;
  category: string | null;
  band: GmvBand | null;
  /** The end of the report's period (ISO date), to keep each brand's latest period. */
  periodTo: string | null;
  generatedAt: string;
  values: Record<string, { value: number | null; direction: Direction }>;
}

/** Where one check stands among its peers: the report's type, produced here. */
export type { ReportPeer as Peer } from '../report/types.js';
