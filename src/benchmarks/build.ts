// Samples → the benchmark file: each brand once (its latest period), grouped at three levels,
// quantiles per metric, and every group too small to stay anonymous withheld.

import { quantile, roundStat } from './quantiles.js';
import {
  BENCHMARKS_KIND,
  BENCHMARKS_SCHEMA_VERSION,
  GMV_BANDS,
  type BenchmarkFile,
  type BenchmarkGroup,
  type BenchmarkSample,
  type Direction,
  type GroupKey,
  type MetricStats,
  type WithheldGroup,
} from './types.js';

export const DEFAULT_MIN_GROUP_SIZE = 5;

function isLater(a: BenchmarkSample, b: BenchmarkSample): boolean {
  const aTo = a.periodTo ?? '';
  const bTo = b.periodTo ?? '';
  if (aTo !== bTo) return aTo > bTo;
  return a.generatedAt > b.generatedAt;
}

/** Several months of one brand count as one brand: its latest period. */
export function latestPerBrand(samples: readonly BenchmarkSample[]): BenchmarkSample[] {
  const byBrand = new Map<string, BenchmarkSample>();
  for (const sample of samples) {
    const kept = byBrand.get(sample.brand);
    if (!kept || isLater(sample, kept)) byBrand.set(sample.brand, sample);
  }
  return [...byBrand.values()];
}

function metricStats(samples: readonly BenchmarkSample[], metric: string, minValues: number): MetricStats | null {
  const values: number[] = [];
  let direction: Direction = 'higher';
  for (const sample of samples) {
    const entry = sample.values[metric];
    if (!entry) continue;
    direction = entry.direction;
    if (entry.value !== null) values.push(entry.value);
  }
  // Fewer values than the privacy floor would let a reader pick out a brand: no peer.
  if (values.length < minValues) return null;
  values.sort((a, b) => a - b);
  return {
    n: values.length,
    p25: roundStat(quantile(values, 0.25)),
    median: roundStat(quantile(values, 0.5)),
    p75: roundStat(quantile(values, 0.75)),
    direction,
    values,
  };
}

function groupOf(key: GroupKey, samples: readonly BenchmarkSample[], minGroupSize: number): BenchmarkGroup {
  const metricNames = new Set<string>();
  for (const sample of samples) for (const name of Object.keys(sample.values)) metricNames.add(name);
  const metrics: Record<string, MetricStats> = {};
  for (const name of [...metricNames].sort()) {
    const stats = metricStats(samples, name, minGroupSize);
    if (stats) metrics[name] = stats;
  }
  return { ...key, brands: samples.length, metrics };
}

interface Candidate {
  key: GroupKey;
  samples: BenchmarkSample[];
}

function candidateGroups(samples: readonly BenchmarkSample[]): Candidate[] {
  const candidates: Candidate[] = [{ key: { level: 'all', category: null, band: null }, samples: [...samples] }];
  const categories = [...new Set(samples.map((sample) => sample.category).filter((c): c is string => c !== null))];
  for (const category of categories.sort()) {
    const inCategory = samples.filter((sample) => sample.category === category);
    candidates.push({ key: { level: 'category', category, band: null }, samples: inCategory });
    for (const band of GMV_BANDS) {
      const inBand = inCategory.filter((sample) => sample.band === band);
      if (inBand.length > 0) candidates.push({ key: { level: 'category-band', category, band }, samples: inBand });
    }
  }
  return candidates;
}

export function buildBenchmarks(
  samples: readonly BenchmarkSample[],
  options: { minGroupSize?: number; generatedAt: string },
): BenchmarkFile {
  const minGroupSize = options.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
  const brands = latestPerBrand(samples);
  const groups: BenchmarkGroup[] = [];
  const withheld: WithheldGroup[] = [];
  for (const { key, samples: members } of candidateGroups(brands)) {
    if (members.length < minGroupSize) withheld.push({ ...key, brands: members.length });
    else groups.push(groupOf(key, members, minGroupSize));
  }
  return {
    schemaVersion: BENCHMARKS_SCHEMA_VERSION,
    kind: BENCHMARKS_KIND,
    generatedAt: options.generatedAt,
    minGroupSize,
    groups,
    withheld,
  };
}
