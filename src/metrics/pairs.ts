// Distinct pairs of two dense indexes (product × creator, session × product), each pair
// given a slot of its own for per-pair sums. One small Map per first index keeps the keys
// small integers, which V8 stores unboxed: packing both indexes into one big number would
// allocate a heap number on every line.

import { ensureListIndex } from './grow.js';

export interface PairSlots {
  /** First index → (second index → slot). */
  byFirst: (Map<number, number> | null)[];
  count: number;
}

export function createPairSlots(): PairSlots {
  return { byFirst: [], count: 0 };
}

/** The pair's slot, adding the pair when it is new. */
export function pairSlot(pairs: PairSlots, first: number, second: number): number {
  ensureListIndex(pairs.byFirst, first);
  let seconds = pairs.byFirst[first];
  if (!seconds) {
    seconds = new Map();
    pairs.byFirst[first] = seconds;
  }
  const slot = seconds.get(second);
  if (slot !== undefined) return slot;
  seconds.set(second, pairs.count);
  pairs.count += 1;
  return pairs.count - 1;
}

/** Distinct second indexes paired with the first. */
export function pairCount(pairs: PairSlots, first: number): number {
  return pairs.byFirst[first]?.size ?? 0;
}

export function forEachPair(pairs: PairSlots, visit: (first: number, second: number, slot: number) => void): void {
  pairs.byFirst.forEach((seconds, first) => {
    if (!seconds) return;
    for (const [second, slot] of seconds) visit(first, second, slot);
  });
}
