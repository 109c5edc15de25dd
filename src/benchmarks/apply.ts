// A finished report compared with the consultant's portfolio: the group it falls into, and each
// check's median, excellent value and percentile there. The report's own numbers do not change.

import { allMessages } from '../i18n/catalogs/index.js';
import { translator } from '../i18n/index.js';
import type { Report, ReportCheck } from '../report/types.js';
import type { LoadedBenchmarks } from './file.js';
import { brandCategory, checkDirection, gmvBand, numberField, OVERALL_SCORE_METRIC } from './sample.js';
import { peerOf, selectGroup } from './select.js';
import type { BenchmarkGroup, Peer } from './types.js';

/** The group this report's brand is compared with, or null when the file has none for it. */
export function groupForReport(report: Report, benchmarks: LoadedBenchmarks): BenchmarkGroup | null {
  const band = gmvBand(numberField(report.metrics, 'gmv'), numberField(report.metrics, 'periodDays'));
  return selectGroup(benchmarks.file, { category: brandCategory(report), band });
}

function checkPeer(check: ReportCheck, group: BenchmarkGroup): Peer | null {
  if (checkDirection(check) === null) return null;
  return peerOf(group, check.id, check.value);
}

export function withBenchmark(report: Report, benchmarks: LoadedBenchmarks): Report {
  const group = groupForReport(report, benchmarks);
  // Every group withheld (a portfolio of fewer brands than the privacy floor): say so, not nothing.
  if (!group)
    return { ...report, warnings: [...report.warnings, translator(allMessages, report.lang)('benchmarks.noGroup')] };
  return {
    ...report,
    stages: report.stages.map((stage) => ({
      ...stage,
      checks: stage.checks.map((check) => ({ ...check, peer: checkPeer(check, group) })),
    })),
    benchmark: {
      group: { level: group.level, category: group.category, band: group.band },
      brands: group.brands,
      fileHash: benchmarks.hash,
    },
  };
}

/** The overall score's percentile in the report's group (the portfolio view's first column). */
export function overallPercentile(report: Report, group: BenchmarkGroup | null): number | null {
  if (!group) return null;
  return peerOf(group, OVERALL_SCORE_METRIC, report.overallScore)?.percentile ?? null;
}
