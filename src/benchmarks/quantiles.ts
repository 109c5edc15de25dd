// Quantiles by linear interpolation between closest ranks (numpy's default, Hyndman & Fan
// type 7), and the percentile of one value among a group's values (PLAN.md §3).

import type { Direction } from './types.js';

/** The p-quantile (0..1) of values sorted ascending; values must not be empty. */
export function quantile(sorted: readonly number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const lower = sorted[below]!;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)]!;
  return lower + (position - below) * (upper - lower);
}

/**
 * 100 × (values worse + ½ × values equal) ÷ n. "Worse" is lower for higher-is-better metrics and
 * higher for lower-is-better ones. A brand that is in the group meets itself as an equal.
 */
export function percentileOf(value: number, values: readonly number[], direction: Direction): number {
  let worse = 0;
  let equal = 0;
  for (const other of values) {
    if (other === value) equal += 1;
    else if (direction === 'higher' ? other < value : other > value) worse += 1;
  }
  return (100 * (worse + equal / 2)) / values.length;
}

/** Four decimals, as the report keeps its fractions: exact enough, no float noise in the file. */
export function roundStat(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
