// What a finished report contributes to the benchmark: its group (category, GMV band) and the
// values of its checks and overall score, each with the direction that counts as better.

import { canonicalCategory } from '../diagnosis/profiles.js';
import type { Report, ReportCheck } from '../report/types.js';
import type { Direction, GmvBand, BenchmarkSample } from './types.js';

/** The overall score is benchmarked too: the portfolio view ranks clients on it. */
export const OVERALL_SCORE_METRIC = 'overallScore';

const BAND_LIMITS: readonly [number, GmvBand][] = [
  [100_000, '<100k'],
  [1_000_000, '100k-1m'],
  [10_000_000, '1m-10m'],
];

/** GMV bands are by GMV per 30 days, so a two-week export and a month compare alike. */
export function gmvBand(gmvYuan: number | null, periodDays: number | null): GmvBand | null {
  if (gmvYuan === null || periodDays === null || periodDays <= 0) return null;
  const per30Days = (gmvYuan * 30) / periodDays;
  for (const [limit, band] of BAND_LIMITS) if (per30Days < limit) return band;
  return '>=10m';
}

/**
 * A band check (the paid share of viewers: 20–50%) has no better direction, so it has no
 * percentile either; atLeast checks are higher-is-better, atMost ones lower-is-better.
 */
export function checkDirection(check: Pick<ReportCheck, 'comparison'>): Direction | null {
  if (check.comparison === 'atLeast') return 'higher';
  if (check.comparison === 'atMost') return 'lower';
  return null;
}

export function numberField(metrics: object, key: string): number | null {
  // Reports read back from disk may be older than the ReportMetrics type: look, do not trust.
  const value: unknown = (metrics as Record<string, unknown>)[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The brand's category as brands are grouped (零食 and 食品 are one), null when brand.json has none. */
export function brandCategory(report: Pick<Report, 'brand'>): string | null {
  return peerCategory(report.brand.category);
}

/** brand.json's category as peers are grouped; null when it has none. */
export function peerCategory(category: string | null): string | null {
  return category === null || category.trim() === '' ? null : canonicalCategory(category);
}

export function sampleFromReport(report: Report): BenchmarkSample {
  const values: BenchmarkSample['values'] = Object.create(null) as BenchmarkSample['values'];
  values[OVERALL_SCORE_METRIC] = { value: report.overallScore, direction: 'higher' };
  for (const stage of report.stages) {
    for (const check of stage.checks) {
      const direction = checkDirection(check);
      // The same metric judged by two stages (the follow rate in S and P) is one value.
      if (direction === null || check.id in values) continue;
      values[check.id] = { value: check.value, direction };
    }
  }
  return {
    brand: report.brand.name,
    category: brandCategory(report),
    band: gmvBand(numberField(report.metrics, 'gmv'), numberField(report.metrics, 'periodDays')),
    periodTo: report.period.to,
    generatedAt: report.generatedAt,
    values,
  };
}
