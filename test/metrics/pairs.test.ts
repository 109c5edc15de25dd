import { describe, expect, it } from 'vitest';
import { createPairSlots, forEachPair, pairCount, pairSlot } from '../../src/metrics/pairs.js';

describe('pair slots', () => {
  it('gives each distinct pair one slot, however often and in whatever order it is met', () => {
    // Enough pairs for the table to grow many times, met in a scrambled order, most of them again.
    const pairs = createPairSlots();
    const expected = new Map<string, number>();
    for (let i = 0; i < 50_000; i++) {
      const first = (i * 7919) % 300;
      const second = Math.floor((i * 104_729) / 7) % 400;
      const slot = pairSlot(pairs, first, second);
      const key = `${first}:${second}`;
      const known = expected.get(key);
      if (known === undefined) {
        expect(slot).toBe(expected.size);
        expected.set(key, slot);
      } else expect(slot).toBe(known);
    }
    expect(pairs.count).toBe(expected.size);

    const seen = new Map<string, number>();
    forEachPair(pairs, (first, second, slot) => {
      const key = `${first}:${second}`;
      expect(seen.has(key)).toBe(false);
      seen.set(key, slot);
    });
    expect(seen).toEqual(expected);

    const perFirst = new Map<number, number>();
    for (const key of expected.keys()) {
      const first = Number(key.split(':')[0]);
      perFirst.set(first, (perFirst.get(first) ?? 0) + 1);
    }
    for (let first = 0; first < 300; first++) expect(pairCount(pairs, first)).toBe(perFirst.get(first) ?? 0);
    expect(pairCount(pairs, 10_000)).toBe(0);
  });
});
