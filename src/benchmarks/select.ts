// Which group a brand is compared with, and where one value stands in it.

import { percentileOf, roundStat } from './quantiles.js';
import type { BenchmarkFile, BenchmarkGroup, GmvBand, GroupLevel, Peer } from './types.js';

export interface BrandPlace {
  category: string | null;
  band: GmvBand | null;
}

function matches(group: BenchmarkGroup, level: GroupLevel, place: BrandPlace): boolean {
  if (group.level !== level) return false;
  if (level === 'all') return true;
  if (group.category !== place.category) return false;
  return level === 'category' || group.band === place.band;
}

/**
 * The most specific group the file publishes for this brand: its category and band, else its
 * category, else the whole portfolio. Withheld groups are not in `groups`, so a group too small
 * to publish falls back by itself.
 */
export function selectGroup(file: BenchmarkFile, place: BrandPlace): BenchmarkGroup | null {
  const levels: GroupLevel[] = [];
  if (place.category !== null && place.band !== null) levels.push('category-band');
  if (place.category !== null) levels.push('category');
  levels.push('all');
  for (const level of levels) {
    const group = file.groups.find((candidate) => matches(candidate, level, place));
    if (group) return group;
  }
  return null;
}

/** A check's peer figures, or null when the group has no such metric or the check has no value. */
export function peerOf(group: BenchmarkGroup, metric: string, value: number | null): Peer | null {
  if (value === null || !Object.hasOwn(group.metrics, metric)) return null;
  const stats = group.metrics[metric]!;
  return {
    median: stats.median,
    excellent: stats.direction === 'higher' ? stats.p75 : stats.p25,
    percentile: roundStat(percentileOf(value, stats.values, stats.direction)),
    n: stats.n,
  };
}
