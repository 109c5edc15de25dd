// Dense indexes for the keys the metrics group by (orders, buyers, products, creators, live
// sessions). Per-key state lives in typed arrays addressed by the index, so memory follows
// distinct keys, and one lookup per key per line is the whole cost of grouping.
//
// The lookup is an open-addressing hash table in typed arrays rather than a Map: a million
// order ids cost 12 MB here against about 30 MB in a Map, and finding or adding a key is
// faster, which matters most where another thread's keys are folded in by the hundred thousand.

import { ensureIndex } from './grow.js';

export interface KeyIndex {
  /** Keys in index order: what another thread needs to merge, and the tie-breaker by text. */
  readonly keys: string[];
  /** Each key's hash, by index, so the table grows without hashing again. */
  hashes: Int32Array;
  /** The table: 1 + the index of the key in that slot, 0 for an empty slot. At most half full. */
  slots: Int32Array;
}

export function createKeyIndex(): KeyIndex {
  return { keys: [], hashes: new Int32Array(0), slots: new Int32Array(64) };
}

/**
 * A fresh copy of a text kept for good (names, catalogue and customer ids): these are few, so
 * the copy costs nothing, and it keeps whatever the text was cut from out of the metrics.
 */
export function ownCopy(text: string): string {
  return (' ' + text).slice(1);
}

/** FNV-1a over the UTF-16 code units, its high bits folded in, since the table uses the low ones. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash ^ (hash >>> 16);
}

/** The slot holding `key`, or the empty slot where it would go. */
function slotOf(index: KeyIndex, key: string, hash: number): number {
  const { slots, hashes, keys } = index;
  const mask = slots.length - 1;
  let slot = hash & mask;
  for (;;) {
    const stored = slots[slot]!;
    if (stored === 0) return slot;
    const at = stored - 1;
    if (hashes[at] === hash && keys[at] === key) return slot;
    slot = (slot + 1) & mask;
  }
}

function grow(index: KeyIndex): void {
  const slots = new Int32Array(index.slots.length * 2);
  const mask = slots.length - 1;
  for (let at = 0; at < index.keys.length; at++) {
    let slot = index.hashes[at]! & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = at + 1;
  }
  index.slots = slots;
}

/** The key's index, or -1 when the key is not there. */
export function findKey(index: KeyIndex, key: string): number {
  return index.slots[slotOf(index, key, hashOf(key))]! - 1;
}

/**
 * The key's index, adding the key when it is new. Keys are stored as they come: csv-parse
 * builds each cell as a string of its own (not a slice of the read chunk), and the ids cut
 * out of a cell keep only that cell alive. A copy here would cost 30 bytes a key (V8 makes a
 * copy of 13 characters or more a slice of a fresh string): 25 MB on a million order lines.
 */
export function indexOfKey(index: KeyIndex, key: string): number {
  const hash = hashOf(key);
  const slot = slotOf(index, key, hash);
  const stored = index.slots[slot]!;
  if (stored !== 0) return stored - 1;
  const position = index.keys.length;
  index.keys.push(key);
  index.hashes = ensureIndex(index.hashes, position, 0);
  index.hashes[position] = hash;
  index.slots[slot] = position + 1;
  if (index.keys.length * 2 > index.slots.length) grow(index);
  return position;
}

/** For each of another index's keys (in its order), where it sits in `into`; adds missing keys. */
export function remapKeys(into: KeyIndex, fromKeys: readonly string[]): Int32Array {
  const remap = new Int32Array(fromKeys.length);
  for (let i = 0; i < fromKeys.length; i++) {
    remap[i] = indexOfKey(into, fromKeys[i]!);
  }
  return remap;
}
