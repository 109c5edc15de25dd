// What an open-addressing table of 2^n slots (at most half full) keeps in a slot: 0 when empty,
// else 1 + the entry's index in the low n bits — an index below 2^(n-1) always fits — and the
// entry's hash in the bits above, up to bit 30. A probe then tells most other entries apart from
// the slot alone, without reading their hash or their fields from arrays elsewhere in memory: a
// cache miss each on the tables of millions that orders and buyers make. The key index and the
// pair slots share it.

/** The bits of a hash a slot can hold beside an index: all but the sign bit, so a slot is never negative. */
const HASH_BITS = 0x7fffffff;

/** The part of a hash a slot keeps: compare it with `slot & ~mask`. */
export function slotHashBits(mask: number, hash: number): number {
  return hash & HASH_BITS & ~mask;
}

/** The slot of a table of `mask` + 1 slots for entry `at` whose hash is `hash`. */
export function slotEntry(mask: number, at: number, hash: number): number {
  return slotHashBits(mask, hash) | (at + 1);
}

/** The entry a slot holds, or -1 for an empty slot. */
export function slotIndex(mask: number, slot: number): number {
  return (slot & mask) - 1;
}
