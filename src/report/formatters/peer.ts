// How peer benchmark figures read in every text formatter (PLAN.md §3): one compact phrase per
// check, and one line naming the group the brand was compared with.

import type { Translate } from '../../i18n/index.js';
import type { Report, ReportBenchmark, ReportCheck } from '../types.js';
import { formatUnitValue } from './values.js';

const KNOWN_CATEGORIES = new Set(['apparel', 'beauty', 'food', 'home', 'jewelry']);

function categoryName(category: string | null, t: Translate): string {
  if (category === null) return '';
  return KNOWN_CATEGORIES.has(category) ? t(`peer.category.${category}`) : category;
}

/** The group in full: "food brands with ¥100k–1m GMV a month". */
export function peerGroupName(benchmark: ReportBenchmark, t: Translate): string {
  const { level, category, band } = benchmark.group;
  return t(`peer.groupName.${level}`, {
    category: categoryName(category, t),
    band: band === null ? '' : t(`peer.band.${band}`),
  });
}

/** The group in a few words, for a check line: "food brands". */
function shortGroupName(benchmark: ReportBenchmark, t: Translate): string {
  const { level, category } = benchmark.group;
  if (level === 'all') return t('peer.group.all');
  return t('peer.group.category', { category: categoryName(category, t) });
}

export function formatPercentile(percentile: number): string {
  return String(Math.round(percentile));
}

/** "P62 · 14 food brands · median ¥2.10", or null when the check has no peer figures. */
export function peerCompact(check: ReportCheck, report: Report, t: Translate): string | null {
  if (!check.peer || !report.benchmark) return null;
  return t('peer.compact', {
    percentile: formatPercentile(check.peer.percentile),
    n: check.peer.n,
    group: shortGroupName(report.benchmark, t),
    median: formatUnitValue(check.unit, check.peer.median, t),
  });
}

/** The line under the score: which peers, how many, from which file; null without a benchmark. */
export function peerHeader(report: Report, t: Translate): string | null {
  const benchmark = report.benchmark;
  if (!benchmark) return null;
  const fellBack = benchmark.group.level !== 'category-band' && report.brand.category !== null;
  return t(fellBack ? 'peer.header.fallback' : 'peer.header', {
    brands: benchmark.brands,
    group: peerGroupName(benchmark, t),
    hash: benchmark.fileHash.slice(0, 8),
  });
}
