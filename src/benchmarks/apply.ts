// A finished report compared with the consultant's portfolio: the group it falls into, and each
// check's median, excellent value and percentile there. The report's own numbers do not change.

import type { PeerFigures, PeerLookup } from '../diagnosis/types.js';
import { allMessages } from '../i18n/catalogs/index.js';
import { benchmarksMessages } from '../i18n/catalogs/benchmarks.js';
import { translator, type Message } from '../i18n/index.js';
import type { Report, ReportCheck } from '../report/types.js';
import type { LoadedBenchmarks } from './file.js';
import { brandCategory, checkDirection, gmvBand, numberField, OVERALL_SCORE_METRIC } from './sample.js';
import { peerOf, selectGroup, type BrandPlace } from './select.js';
import type { BenchmarkGroup, Peer } from './types.js';

/** The group this report's brand is compared with, or null when the file has none for it. */
export function groupForReport(report: Report, benchmarks: LoadedBenchmarks): BenchmarkGroup | null {
  const band = gmvBand(numberField(report.metrics, 'gmv'), numberField(report.metrics, 'periodDays'));
  return selectGroup(benchmarks.file, { category: brandCategory(report), band });
}

/** The group in a few words for the plan's sentences ("food brands"); a category without a name of ours stays as given. */
function groupName(group: BenchmarkGroup): Message {
  if (group.level === 'all' || group.category === null) return { key: 'peer.group.all' };
  const named = `peer.category.${group.category}`;
  const category = Object.hasOwn(benchmarksMessages.en, named) ? { key: named } : group.category;
  return { key: 'peer.group.category', params: { category } };
}

/**
 * What the diagnosis reads of the benchmark before the report exists (the plan sizes goals with
 * it): the brand's group, chosen as for the report, as plain figures per check.
 */
export function peerLookup(benchmarks: LoadedBenchmarks, place: BrandPlace): PeerLookup | null {
  const group = selectGroup(benchmarks.file, place);
  if (!group) return null;
  const metrics: Record<string, PeerFigures> = {};
  for (const [metric, stats] of Object.entries(group.metrics)) {
    const excellent = stats.direction === 'higher' ? stats.p75 : stats.p25;
    metrics[metric] = { median: stats.median, excellent, n: stats.n };
  }
  return { groupName: groupName(group), metrics };
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
