// Distinct pairs of two dense indexes (product × creator, session × product, session × buyer),
// each pair given a slot of its own for per-pair sums. The pairs live in typed arrays found
// through an open-addressing table on both indexes: one lookup per line without a Map per
// first index (whose lookups were 4% of a million-line read, measured), and a state that a
// worker posts as a few flat arrays.
//
// Slots are numbered in the order pairs were first met; every reader of the pairs (sums,
// counts, the largest value) is indifferent to that order.

import { ensureIndex } from './grow.js';
import { slotEntry, slotHashBits, slotIndex } from './tagged-slots.js';

export interface PairSlots {
  /** Per slot: its pair's first and second index. */
  firsts: Int32Array;
  seconds: Int32Array;
  count: number;
  /** The table: a power of two, at most half full, each slot as tagged-slots.ts lays it out. */
  table: Int32Array;
  /** Per first index: how many distinct seconds it is paired with. */
  perFirst: Int32Array;
}

export function createPairSlots(): PairSlots {
  return {
    firsts: new Int32Array(0),
    seconds: new Int32Array(0),
    count: 0,
    table: new Int32Array(64),
    perFirst: new Int32Array(0),
  };
}

function pairHash(first: number, second: number): number {
  let hash = Math.imul(first, 0x9e3779b1) ^ second;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  return hash ^ (hash >>> 13);
}

function growTable(pairs: PairSlots): void {
  const table = new Int32Array(pairs.table.length * 2);
  const mask = table.length - 1;
  for (let slot = 0; slot < pairs.count; slot++) {
    const hash = pairHash(pairs.firsts[slot]!, pairs.seconds[slot]!);
    let at = hash & mask;
    while (table[at] !== 0) at = (at + 1) & mask;
    table[at] = slotEntry(mask, slot, hash);
  }
  pairs.table = table;
}

/** The pair's slot, adding the pair when it is new. */
export function pairSlot(pairs: PairSlots, first: number, second: number): number {
  const { table, firsts, seconds } = pairs;
  const mask = table.length - 1;
  const hash = pairHash(first, second);
  const hashBits = slotHashBits(mask, hash);
  let at = hash & mask;
  for (;;) {
    const stored = table[at]!;
    if (stored === 0) break;
    if ((stored & ~mask) === hashBits) {
      const slot = slotIndex(mask, stored);
      if (firsts[slot] === first && seconds[slot] === second) return slot;
    }
    at = (at + 1) & mask;
  }
  const slot = pairs.count;
  pairs.firsts = ensureIndex(pairs.firsts, slot, 0);
  pairs.seconds = ensureIndex(pairs.seconds, slot, 0);
  pairs.firsts[slot] = first;
  pairs.seconds[slot] = second;
  pairs.perFirst = ensureIndex(pairs.perFirst, first, 0);
  pairs.perFirst[first]! += 1;
  table[at] = slotEntry(mask, slot, hash);
  pairs.count = slot + 1;
  if (pairs.count * 2 > table.length) growTable(pairs);
  return slot;
}

/** Distinct second indexes paired with the first. */
export function pairCount(pairs: PairSlots, first: number): number {
  return first < pairs.perFirst.length ? pairs.perFirst[first]! : 0;
}

export function forEachPair(pairs: PairSlots, visit: (first: number, second: number, slot: number) => void): void {
  for (let slot = 0; slot < pairs.count; slot++) visit(pairs.firsts[slot]!, pairs.seconds[slot]!, slot);
}
