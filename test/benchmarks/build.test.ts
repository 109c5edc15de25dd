// The benchmark file from hand-made samples: grouping and fallbacks, the privacy rule, one brand
// counted once, and metrics with too few values left out.

import { describe, expect, it } from 'vitest';
import { buildBenchmarks } from '../../src/benchmarks/build.js';
import { gmvBand } from '../../src/benchmarks/sample.js';
import { peerOf, selectGroup } from '../../src/benchmarks/select.js';
import type { BenchmarkSample, GmvBand } from '../../src/benchmarks/types.js';

function sample(
  brand: string,
  category: string | null,
  band: GmvBand | null,
  roi: number | null,
  periodTo = '2024-06-30',
): BenchmarkSample {
  return {
    brand,
    category,
    band,
    periodTo,
    generatedAt: '2024-07-01T00:00:00.000Z',
    values: {
      roi: { value: roi, direction: 'higher' },
      costPerNewFan: { value: roi === null ? null : 10 / roi, direction: 'lower' },
    },
  };
}

const food = (i: number, band: GmvBand, roi: number | null) => sample(`食品${i}`, 'food', band, roi);

describe('buildBenchmarks', () => {
  const samples = [
    food(1, '<100k', 1),
    food(2, '<100k', 2),
    food(3, '<100k', 3),
    food(4, '<100k', 4),
    food(5, '<100k', 5),
    food(6, '100k-1m', 6),
    food(7, '100k-1m', 7),
    sample('美妆1', 'beauty', '<100k', 2),
    sample('美妆2', 'beauty', '<100k', null),
  ];
  const file = buildBenchmarks(samples, { generatedAt: '2024-07-01T00:00:00.000Z' });

  it('publishes groups of at least 5 brands and withholds the rest with their count only', () => {
    const published = file.groups.map((group) => `${group.level}:${group.category}:${group.band}:${group.brands}`);
    expect(published).toEqual(['all:null:null:9', 'category:food:null:7', 'category-band:food:<100k:5']);
    expect(file.withheld).toContainEqual({ level: 'category-band', category: 'food', band: '100k-1m', brands: 2 });
    expect(file.withheld).toContainEqual({ level: 'category', category: 'beauty', band: null, brands: 2 });
    expect(file.withheld).toContainEqual({ level: 'category-band', category: 'beauty', band: '<100k', brands: 2 });
  });

  it('leaves a null out of the metric and keeps the values sorted without identity', () => {
    const all = file.groups.find((group) => group.level === 'all')!;
    expect(all.metrics.roi!.n).toBe(8);
    expect(all.metrics.roi!.values).toEqual([1, 2, 2, 3, 4, 5, 6, 7]);
    expect(all.metrics.roi!.median).toBe(3.5);
    expect(JSON.stringify(file)).not.toMatch(/食品|美妆/);
  });

  it('has no metric with fewer values than the smallest group', () => {
    const few = [1, 2, 3, 4, 5].map((i) => sample(`b${i}`, 'home', '<100k', i <= 4 ? null : 3));
    const built = buildBenchmarks(few, { generatedAt: 'x' });
    expect(built.groups[0]!.brands).toBe(5);
    expect(built.groups[0]!.metrics.roi).toBeUndefined();
  });

  it('counts a brand with several periods once, at its latest period', () => {
    const months = [
      sample('同一品牌', 'food', '<100k', 1, '2024-04-30'),
      sample('同一品牌', 'food', '<100k', 9, '2024-06-30'),
      sample('同一品牌', 'food', '<100k', 5, '2024-05-31'),
      ...[2, 3, 4, 5].map((i) => food(i, '<100k', i)),
    ];
    const built = buildBenchmarks(months, { generatedAt: 'x' });
    const all = built.groups.find((group) => group.level === 'all')!;
    expect(all.brands).toBe(5);
    expect(all.metrics.roi!.values).toEqual([2, 3, 4, 5, 9]);
  });

  it('uses the most specific published group and falls back when one is withheld', () => {
    expect(selectGroup(file, { category: 'food', band: '<100k' })?.level).toBe('category-band');
    expect(selectGroup(file, { category: 'food', band: '100k-1m' })?.level).toBe('category');
    expect(selectGroup(file, { category: 'beauty', band: '<100k' })?.level).toBe('all');
    expect(selectGroup(file, { category: null, band: null })?.level).toBe('all');
  });

  it('gives excellent as p75 for higher-is-better and p25 for lower-is-better metrics', () => {
    const group = selectGroup(file, { category: 'food', band: '<100k' })!;
    // roi 1..5: p25 2, median 3, p75 4
    expect(peerOf(group, 'roi', 3)).toEqual({ median: 3, excellent: 4, percentile: 50, n: 5 });
    // cost 10/roi: 2, 2.5, 3.3333, 5, 10 → p25 2.5; a cost of 2 beats 4 of 5 and ties one
    expect(peerOf(group, 'costPerNewFan', 2)).toEqual({ median: 3.3333, excellent: 2.5, percentile: 90, n: 5 });
    expect(peerOf(group, 'roi', null)).toBeNull();
    expect(peerOf(group, 'constructor', 1)).toBeNull();
  });
});

describe('gmvBand', () => {
  it('bands by GMV per 30 days', () => {
    expect(gmvBand(99_999, 30)).toBe('<100k');
    expect(gmvBand(100_000, 30)).toBe('100k-1m');
    // ¥60,000 in 15 days is ¥120,000 a month
    expect(gmvBand(60_000, 15)).toBe('100k-1m');
    expect(gmvBand(10_000_000, 30)).toBe('>=10m');
    expect(gmvBand(null, 30)).toBeNull();
  });
});
