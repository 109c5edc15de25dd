// Quantiles and percentiles on hand-made cases, checked against values worked out by hand
// (numpy.quantile's default, linear interpolation between closest ranks).

import { describe, expect, it } from 'vitest';
import { percentileOf, quantile } from '../../src/benchmarks/quantiles.js';

describe('quantile', () => {
  it('interpolates between closest ranks as numpy does', () => {
    const values = [1, 2, 3, 4];
    // positions (n−1)·p: 0.75, 1.5, 2.25
    expect(quantile(values, 0.25)).toBeCloseTo(1.75, 12);
    expect(quantile(values, 0.5)).toBeCloseTo(2.5, 12);
    expect(quantile(values, 0.75)).toBeCloseTo(3.25, 12);
  });

  it('returns the value itself for one value and the ends for p = 0 and 1', () => {
    expect(quantile([7], 0.25)).toBe(7);
    expect(quantile([1, 5, 9, 20, 40], 0)).toBe(1);
    expect(quantile([1, 5, 9, 20, 40], 1)).toBe(40);
    expect(quantile([1, 5, 9, 20, 40], 0.5)).toBe(9);
  });

  it('handles ties', () => {
    expect(quantile([2, 2, 2, 8, 10], 0.75)).toBe(8);
    expect(quantile([2, 2, 2, 8, 10], 0.25)).toBe(2);
  });
});

describe('percentileOf', () => {
  it('counts worse values and half the equal ones, for higher-is-better metrics', () => {
    // 1 worse (1), 2 equal (3, 3), 2 better: 100 × (1 + 1) ÷ 5 = 40
    expect(percentileOf(3, [1, 3, 3, 5, 8], 'higher')).toBe(40);
    expect(percentileOf(9, [1, 3, 3, 5, 8], 'higher')).toBe(100);
    expect(percentileOf(0, [1, 3, 3, 5, 8], 'higher')).toBe(0);
  });

  it('turns around for lower-is-better metrics (cost per new fan)', () => {
    // worse = higher: 5 and 8; equal: 3, 3 → 100 × (2 + 1) ÷ 5 = 60
    expect(percentileOf(3, [1, 3, 3, 5, 8], 'lower')).toBe(60);
  });

  it('counts a brand that is in the group as an equal of itself', () => {
    // the brand's own 5 is one of the values: 3 worse + ½ × 1 equal over 5
    expect(percentileOf(5, [1, 2, 3, 5, 9], 'higher')).toBe(70);
  });
});
