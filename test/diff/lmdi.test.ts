import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitGmvChange, type FunnelSide } from '../../src/diff/lmdi.js';

function sumOf(parts: Record<string, number>): number {
  return Object.values(parts).reduce((total, part) => total + part, 0);
}

/** A month of live sessions from its three factors, GMV rounded to the fen as an export has it. */
function month(viewers: number, conversion: number, aovFen: number): FunnelSide {
  const buyers = Math.max(1, Math.round(viewers * conversion));
  return { viewers, buyers, gmvFen: buyers * aovFen };
}

const positiveSide = fc
  .record({
    viewers: fc.integer({ min: 1, max: 50_000_000 }),
    buyers: fc.integer({ min: 1, max: 2_000_000 }),
    aovFen: fc.integer({ min: 1, max: 5_000_000 }),
  })
  .map(({ viewers, buyers, aovFen }) => ({ viewers, buyers, gmvFen: buyers * aovFen }));

describe('LMDI split of live-session GMV', () => {
  it('adds up to the change to the fen for any positive factors', () => {
    fc.assert(
      fc.property(positiveSide, positiveSide, (before, after) => {
        const result = splitGmvChange(before, after);
        expect(result.method).toBe('lmdi');
        expect(Number.isInteger(result.partsFen.traffic)).toBe(true);
        expect(sumOf(result.partsFen)).toBe(after.gmvFen - before.gmvFen);
      }),
      { numRuns: 2000 },
    );
  });

  it('adds up to the fen with zero and missing factors too', () => {
    const side = fc.record({
      viewers: fc.integer({ min: 0, max: 1_000_000 }),
      buyers: fc.integer({ min: 0, max: 50_000 }),
      gmvFen: fc.integer({ min: 0, max: 100_000_000 }),
    });
    fc.assert(
      fc.property(side, side, (before, after) => {
        const result = splitGmvChange(before, after);
        expect(sumOf(result.partsFen)).toBe(after.gmvFen - before.gmvFen);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives a conversion-only change to conversion', () => {
    const result = splitGmvChange(month(200_000, 0.01, 35_000), month(200_000, 0.013, 35_000));
    expect(result.changeFen).toBe(600 * 35_000);
    expect(result.partsFen.conversion / result.changeFen).toBeGreaterThanOrEqual(0.9);
    expect(result.partsFen).toEqual({ traffic: 0, conversion: 21_000_000, aov: 0 });
  });

  it('gives a viewers-only change to traffic', () => {
    const result = splitGmvChange(month(200_000, 0.01, 35_000), month(260_000, 0.01, 35_000));
    expect(result.partsFen.traffic / result.changeFen).toBeGreaterThanOrEqual(0.9);
    expect(result.partsFen.conversion).toBe(0);
    expect(result.partsFen.aov).toBe(0);
  });

  it('gives the whole change to conversion when a month had viewers and no buyers', () => {
    const result = splitGmvChange(
      { viewers: 5_000, buyers: 0, gmvFen: 0 },
      { viewers: 6_000, buyers: 40, gmvFen: 1_200_000 },
    );
    expect(result.method).toBe('zeroLimit');
    expect(result.zeroFactor).toBe('conversion');
    expect(result.partsFen).toEqual({ traffic: 0, conversion: 1_200_000, aov: 0 });
  });

  it('gives the whole change to traffic when a month had no viewers', () => {
    const result = splitGmvChange(
      { viewers: 8_000, buyers: 80, gmvFen: 2_400_000 },
      { viewers: 0, buyers: 0, gmvFen: 0 },
    );
    expect(result.zeroFactor).toBe('traffic');
    expect(result.partsFen.traffic).toBe(-2_400_000);
  });

  it('says nothing moved when both months sold nothing live', () => {
    const result = splitGmvChange({ viewers: 0, buyers: 0, gmvFen: 0 }, { viewers: 300, buyers: 0, gmvFen: 0 });
    expect(result.method).toBe('noChange');
    expect(result.partsFen).toEqual({ traffic: 0, conversion: 0, aov: 0 });
  });

  it('splits opposite moves that cancel out into parts that cancel out', () => {
    // Twice the viewers at half the conversion: GMV unchanged, traffic and conversion equal and opposite.
    const result = splitGmvChange(
      { viewers: 100_000, buyers: 1_000, gmvFen: 30_000_000 },
      { viewers: 200_000, buyers: 1_000, gmvFen: 30_000_000 },
    );
    expect(result.changeFen).toBe(0);
    expect(result.partsFen.traffic).toBe(Math.round(30_000_000 * Math.log(2)));
    expect(result.partsFen.conversion).toBe(-result.partsFen.traffic);
  });
});
